<?php
/**
 * The "MAIG widget" block: a widget picker and the widget's attributes in the sidebar,
 * server-rendered through the same code as the shortcodes (maig_widgets_render).
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Block attribute key for a widget attribute: "hide-claim" => "hideClaim".
 *
 * @param string $name Attribute name.
 * @return string
 */
function maig_widgets_block_key( $name ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
}

/**
 * The block's attributes: `widget`, then every widget attribute (booleans as booleans, the rest as strings).
 *
 * @return array<string, array<string, mixed>>
 */
function maig_widgets_block_attributes() {
	$attributes = array(
		'widget' => array(
			'type'    => 'string',
			'enum'    => array_keys( maig_widgets_definitions() ),
			'default' => 'member-count',
		),
	);
	foreach ( maig_widgets_definitions() as $def ) {
		foreach ( $def['attributes'] as $name => $attr ) {
			$attributes[ maig_widgets_block_key( $name ) ] = array( 'type' => 'boolean' === $attr['type'] ? 'boolean' : 'string' );
		}
	}
	return $attributes;
}

/**
 * Server render of the block.
 *
 * @param array<string, mixed> $attributes Block attributes.
 * @return string
 */
function maig_widgets_render_block( $attributes ) {
	$defs   = maig_widgets_definitions();
	$widget = isset( $attributes['widget'] ) && is_string( $attributes['widget'] ) ? $attributes['widget'] : '';
	if ( ! isset( $defs[ $widget ] ) ) {
		return '';
	}
	$atts = array();
	foreach ( array_keys( $defs[ $widget ]['attributes'] ) as $name ) {
		$key = maig_widgets_block_key( $name );
		if ( ! isset( $attributes[ $key ] ) || false === $attributes[ $key ] ) {
			continue;
		}
		$atts[ $name ] = $attributes[ $key ];
	}
	$html = maig_widgets_render( $widget, $atts );
	return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
}

add_action(
	'init',
	function () {
		wp_register_script(
			'maig-widgets-block-editor',
			plugins_url( 'assets/block-editor.js', MAIG_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
			MAIG_WIDGETS_VERSION,
			true
		);
		$widgets = array();
		foreach ( maig_widgets_definitions() as $widget => $def ) {
			$fields = array();
			foreach ( $def['attributes'] as $name => $attr ) {
				$fields[] = array(
					'key'         => maig_widgets_block_key( $name ),
					'name'        => $name,
					'type'        => $attr['type'],
					'values'      => $attr['values'],
					'description' => $attr['description'],
				);
			}
			$widgets[] = array(
				'name'   => $widget,
				'title'  => $def['title'],
				'fields' => $fields,
			);
		}
		wp_add_inline_script( 'maig-widgets-block-editor', 'window.maigWidgetsBlock = ' . wp_json_encode( array( 'widgets' => $widgets ) ) . ';', 'before' );
		register_block_type(
			'maig-widgets/widget',
			array(
				'api_version'     => 2,
				'title'           => __( 'MAIG widget', 'maig-widgets' ),
				'description'     => __( 'A widget of Mayors Against Illegal Guns: member count, member map, Statement of Principles, city statistics or join form.', 'maig-widgets' ),
				'category'        => 'widgets',
				'icon'            => 'location-alt',
				'keywords'        => array( 'mayors', 'guns', 'map', 'principles', 'statistics' ),
				'attributes'      => maig_widgets_block_attributes(),
				'supports'        => array( 'html' => false, 'align' => array( 'wide', 'full' ) ),
				'editor_script'   => 'maig-widgets-block-editor',
				'render_callback' => 'maig_widgets_render_block',
			)
		);
	}
);
