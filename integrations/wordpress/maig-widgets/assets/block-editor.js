/**
 * The "MAIG widget" block in the editor, without a build step (wp.element.createElement).
 * Sidebar: the widget picker and the attributes documented for that widget (from
 * custom-elements.json, passed in window.maigWidgetsBlock). Preview: the server render
 * (ServerSideRender), upgraded in place by the widget script the plugin loads in the editor.
 */
( function ( wp, data ) {
	'use strict';
	if ( ! wp || ! wp.blocks || ! data ) {
		return;
	}
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var be = wp.blockEditor;
	var c = wp.components;
	var ServerSideRender = wp.serverSideRender;

	function field( def, attributes, setAttributes ) {
		var value = attributes[ def.key ];
		var set = function ( v ) {
			var next = {};
			next[ def.key ] = v === '' ? undefined : v;
			setAttributes( next );
		};
		if ( def.name === 'lang' ) {
			// The widget's language: the page's by default (Spanish on a Spanish WordPress site).
			var langs = [
				{ label: __( "(the page's language)", 'maig-widgets' ), value: '' },
				{ label: 'English (en)', value: 'en' },
				{ label: 'Español (es)', value: 'es' },
				{ label: 'Español de EE. UU. (es-US)', value: 'es-US' },
				{ label: 'Español de Puerto Rico (es-PR)', value: 'es-PR' },
			];
			if ( value && ! langs.some( function ( o ) { return o.value === value; } ) ) {
				langs.push( { label: value, value: value } );
			}
			return el( c.SelectControl, { key: def.key, label: def.name, help: def.description, value: value || '', options: langs, onChange: set } );
		}
		if ( def.type === 'boolean' ) {
			return el( c.ToggleControl, { key: def.key, label: def.name, help: def.description, checked: !! value, onChange: set } );
		}
		if ( def.type === 'enum' ) {
			var options = [ { label: __( '(default)', 'maig-widgets' ), value: '' } ].concat(
				def.values.map( function ( v ) { return { label: v, value: v }; } )
			);
			return el( c.SelectControl, { key: def.key, label: def.name, help: def.description, value: value || '', options: options, onChange: set } );
		}
		return el( c.TextControl, {
			key: def.key,
			label: def.name,
			help: def.description,
			type: def.type === 'number' ? 'number' : 'text',
			value: value || '',
			onChange: set,
		} );
	}

	wp.blocks.registerBlockType( 'maig-widgets/widget', {
		edit: function ( props ) {
			var attributes = props.attributes;
			var widget = data.widgets.filter( function ( w ) { return w.name === attributes.widget; } )[ 0 ] || data.widgets[ 0 ];
			var blockProps = be.useBlockProps();
			var controls = el(
				be.InspectorControls,
				{ key: 'controls' },
				el(
					c.PanelBody,
					{ title: __( 'Widget', 'maig-widgets' ), initialOpen: true },
					el( c.SelectControl, {
						label: __( 'Widget', 'maig-widgets' ),
						value: widget.name,
						options: data.widgets.map( function ( w ) { return { label: w.title, value: w.name }; } ),
						onChange: function ( v ) { props.setAttributes( { widget: v } ); },
					} ),
					widget.fields.map( function ( def ) { return field( def, attributes, props.setAttributes ); } )
				)
			);
			return el(
				'div',
				blockProps,
				controls,
				el( ServerSideRender, { block: 'maig-widgets/widget', attributes: attributes } )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp, window.maigWidgetsBlock );
