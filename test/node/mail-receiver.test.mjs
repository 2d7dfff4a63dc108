// The mail room inside the whole receiver (createReceiver), on both stores: a form posted to
// /join while the mail server is down is stored and answered 201 at once, with its hint; its
// confirmation mail waits in the queue (rooms.mail.pending()), goes out with retryNow() once the
// server is back, in the form's language, and its link confirms the submission.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachStore } from './helpers/stores.mjs';
import { serve, valid } from './helpers/join.mjs';
import { freePort, startSmtp } from './helpers/smtp.mjs';

forEachStore((store) => {
  describe('POST /join with mail on', () => {
    it('stores and answers while SMTP is down; the queued mail goes out later and its link confirms', async () => {
      const port = await freePort();
      const env = await serve({
        options: {
          ...(await store.options()),
          publicUrl: 'https://join.example.org',
          mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'join@example.org', staffNotify: [], retry: { baseMs: 3_600_000, maxMs: 3_600_000 } },
        },
      });
      let smtp;
      try {
        const response = await env.post(valid({ city: 'Bisbee', state: 'AZ', email: 'mayor@bisbeeaz.gov', lang: 'es' }));
        assert.equal(response.status, 201);
        const { id } = await response.json();
        const [row] = await env.rows();
        assert.equal(row.id, id);
        assert.equal(row.status, 'new');
        assert.equal(row.verification, 'official');
        assert.match(row.verification_reason, /^bisbeeaz\.gov is registered to the City of Bisbee, AZ/);

        const mail = env.receiver.rooms.mail;
        let pending = [];
        for (let i = 0; i < 100; i++) {
          pending = await mail.pending();
          if (pending[0]?.attempts >= 1) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.equal(pending.length, 1);
        assert.equal(pending[0].kind, 'confirmation');
        assert.equal(pending[0].submissionId, id);
        assert.ok(pending[0].lastError, 'the failure is recorded');

        smtp = await startSmtp({ port });
        assert.deepEqual(await mail.retryNow(), { sent: 1, failed: 0 });
        const [message] = smtp.messages;
        assert.equal(message.subject, 'Confirme que Bisbee, AZ se une a Mayors Against Illegal Guns');
        const link = /https:\/\/join\.example\.org(\/confirm\/[A-Za-z0-9_-]{43})/.exec(message.text);
        assert.ok(link, message.text);
        const token = link[1].split('/').pop();
        const page = await fetch(new URL(link[1], env.url));
        assert.equal(page.status, 200);
        assert.match(await page.text(), /<html lang="es">/);
        assert.equal((await env.rows())[0].status, 'new');
        const done = await fetch(new URL(link[1], env.url), { method: 'POST', body: new URLSearchParams({ token }) });
        assert.equal(done.status, 200);
        const [after] = await env.rows();
        assert.equal(after.status, 'confirmed');
        assert.ok(after.confirmed_at);
      } finally {
        await env.close();
        await smtp?.close();
      }
    });
  });
});
