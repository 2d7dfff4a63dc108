<?php
/**
 * Settings → MAIG Widgets: where the script, the feed, the join receiver and the oEmbed endpoint
 * live. Every field is optional: empty means the copy bundled in the plugin.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

const MAIG_WIDGETS_OPTION = 'maig_widgets_settings';

/**
 * The settings fields: key => label and help text.
 *
 * @return array<string, array{label: string, help: string}>
 */
function maig_widgets_setting_fields() {
	return array(
		'base_url'        => array(
			'label' => __( 'Script base URL', 'maig-widgets' ),
			'help'  => __( 'Folder that holds dist/maig-widgets.js (a CDN or your own copy of the package), e.g. https://cdn.example.org/maig-widgets/. Empty: the copy bundled in this plugin.', 'maig-widgets' ),
		),
		'feed_url'        => array(
			'label' => __( 'Feed URL', 'maig-widgets' ),
			'help'  => __( 'Data feed (its index.json or its folder). Empty: the feed next to the script.', 'maig-widgets' ),
		),
		'join_endpoint'   => array(
			'label' => __( 'Join endpoint', 'maig-widgets' ),
			'help'  => __( 'URL the join form posts to, unless a shortcode or block gives its own endpoint.', 'maig-widgets' ),
		),
		'oembed_endpoint' => array(
			'label' => __( 'oEmbed endpoint', 'maig-widgets' ),
			'help'  => __( 'oEmbed endpoint for embed pages under the script base URL. Empty: {origin of the base URL}/oembed, as the reference server answers. Not used for the bundled copy, whose embeds are answered by the plugin itself.', 'maig-widgets' ),
		),
	);
}

/**
 * The saved settings, every key present.
 *
 * @return array<string, string>
 */
function maig_widgets_settings() {
	$saved = get_option( MAIG_WIDGETS_OPTION, array() );
	$out   = array();
	foreach ( array_keys( maig_widgets_setting_fields() ) as $key ) {
		$out[ $key ] = ( is_array( $saved ) && isset( $saved[ $key ] ) && is_string( $saved[ $key ] ) ) ? $saved[ $key ] : '';
	}
	return $out;
}

/**
 * Keeps only http(s) URLs; anything else becomes empty.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function maig_widgets_sanitize_url( $value ) {
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = trim( $value );
	if ( '' === $value || ! preg_match( '#^https?://#i', $value ) ) {
		return '';
	}
	return esc_url_raw( $value, array( 'http', 'https' ) );
}

/**
 * Sanitizes the whole option array.
 *
 * @param mixed $input Submitted values.
 * @return array<string, string>
 */
function maig_widgets_sanitize_settings( $input ) {
	$out = array();
	foreach ( array_keys( maig_widgets_setting_fields() ) as $key ) {
		$value       = ( is_array( $input ) && isset( $input[ $key ] ) ) ? wp_unslash( $input[ $key ] ) : '';
		$clean       = maig_widgets_sanitize_url( $value );
		$out[ $key ] = ( '' !== $clean && 'base_url' === $key ) ? trailingslashit( $clean ) : $clean;
		if ( '' !== trim( (string) $value ) && '' === $clean ) {
			add_settings_error( MAIG_WIDGETS_OPTION, 'maig-widgets-' . $key, sprintf( /* translators: %s: field label */ __( '%s must be an http or https URL; it was left empty.', 'maig-widgets' ), maig_widgets_setting_fields()[ $key ]['label'] ) );
		}
	}
	return $out;
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'maig_widgets',
			MAIG_WIDGETS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'maig_widgets_sanitize_settings',
				'default'           => array(),
				'show_in_rest'      => false,
			)
		);
		add_settings_section( 'maig_widgets_main', '', '__return_false', 'maig-widgets' );
		foreach ( maig_widgets_setting_fields() as $key => $field ) {
			add_settings_field(
				'maig_widgets_' . $key,
				$field['label'],
				'maig_widgets_render_field',
				'maig-widgets',
				'maig_widgets_main',
				array(
					'key'       => $key,
					'label_for' => 'maig_widgets_' . $key,
				)
			);
		}
	}
);

/**
 * One URL field.
 *
 * @param array{key: string} $args Field arguments.
 */
function maig_widgets_render_field( $args ) {
	$key      = $args['key'];
	$settings = maig_widgets_settings();
	$help     = maig_widgets_setting_fields()[ $key ]['help'];
	printf(
		'<input type="url" class="regular-text code" id="%1$s" name="%2$s[%3$s]" value="%4$s" aria-describedby="%1$s-help"><p class="description" id="%1$s-help">%5$s</p>',
		esc_attr( 'maig_widgets_' . $key ),
		esc_attr( MAIG_WIDGETS_OPTION ),
		esc_attr( $key ),
		esc_attr( $settings[ $key ] ),
		esc_html( $help )
	);
}

add_action(
	'admin_menu',
	function () {
		add_options_page(
			__( 'MAIG Widgets', 'maig-widgets' ),
			__( 'MAIG Widgets', 'maig-widgets' ),
			'manage_options',
			'maig-widgets',
			'maig_widgets_render_settings_page'
		);
	}
);

/** The settings page (options.php checks the nonce and manage_options). */
function maig_widgets_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . esc_html__( 'Shortcodes: [maig_member_count state="NJ"], [maig_member_map highlight="Baltimore, MD"], [maig_principles], [maig_city_stats state="MD" city="Baltimore"], [maig_join_form]. Block: "MAIG widget". Pasting an embed page URL on its own line embeds it.', 'maig-widgets' ) . '</p>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'maig_widgets' );
	do_settings_sections( 'maig-widgets' );
	submit_button();
	echo '</form></div>';
}
