import { css } from 'lit';

/** The console's own layout, on top of the widgets' shared base styles (colors, buttons, focus, states). */
export const consoleStyles = css`
  :host {
    contain: none;
  }
  .root {
    min-height: 100vh;
    border-radius: 0;
  }
  header.banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.75em 1.25em;
    background: var(--_bg-alt);
    border-bottom: 0.0625em solid var(--_border);
  }
  header.banner p {
    margin: 0;
    font-weight: 700;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 0.2em;
  }
  main {
    max-width: 72em;
    margin: 0 auto;
    padding: 1em 1.25em 3em;
  }
  h1 {
    font-size: 1.5em;
    margin: 0.5em 0;
  }
  h2 {
    font-size: 1.25em;
    margin: 1.25em 0 0.5em;
  }
  h1:focus,
  h2:focus {
    outline: none;
  }
  h1:focus-visible,
  h2:focus-visible {
    outline: 0.1875em solid var(--_focus);
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.75em 0 0.25em;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em 0.5em;
    min-height: 2.5em;
  }
  input[type='radio'] {
    min-height: auto;
  }
  textarea {
    width: 100%;
    max-width: 40em;
    min-height: 4em;
  }
  form.sign-in {
    max-width: 24em;
  }
  form.sign-in input {
    width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 1em 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 1em;
    margin-bottom: 0.5em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding: 0.25em 0;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4em 0.5em;
    border-bottom: 0.0625em solid var(--_border);
  }
  td.when {
    white-space: nowrap;
  }
  td.detail {
    overflow-wrap: anywhere;
    min-width: 12em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  dl.fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
  }
  dl.fields dt {
    font-weight: 600;
  }
  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tag {
    display: inline-block;
    padding: 0 0.4em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.875em;
    white-space: nowrap;
  }
  .tag--official {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .warning {
    margin: 1em 0;
    padding: 0.75em 1em;
    background: var(--_warn-bg);
    border-inline-start: 0.375em solid var(--_danger);
    border-radius: var(--_radius);
  }
  .warning h2,
  .warning h3 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .warning ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-text {
    color: var(--_danger);
    font-weight: 600;
  }
  fieldset {
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    margin: 1em 0;
    padding: 0.5em 1em 1em;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    margin: 0.35em 0;
    font-weight: 400;
  }
  .button--danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .status-line {
    min-height: 1.5em;
    margin: 0.5em 0;
    font-weight: 600;
  }
`;
