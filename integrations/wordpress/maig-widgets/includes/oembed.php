<?php
/**
 * Pasted embed URLs ({base}/dist/embed/index.html?widget=member-count&state=NJ) become trusted,
 * self-sizing embeds:
 * - under a base URL set in Settings, our embed pages are registered as an oEmbed provider
 *   (wp_oembed_add_provider), answered by its oEmbed endpoint ({origin}/oembed by default);
 * - for the copy bundled in the plugin, the plugin writes the iframe itself (no HTTP request).
 * The package's dist/embed/resize.js resizes our iframes from their `maig-widgets:height` messages.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Height an iframe reserves for each widget before its first height message (px), from the
 * bundled dist/embed/widgets.json (written by the build from its measurements).
 *
 * @param string $widget Widget name.
 * @return int
 */
function maig_widgets_embed_height( $widget ) {
	$widgets = maig_widgets_embed_widgets();
	$height  = isset( $widgets[ $widget ]['height'] ) ? (int) $widgets[ $widget ]['height'] : 0;
	return $height > 0 ? $height : 600;
}

/**
 * The bundled dist/embed/widgets.json (heights, titles in English and Spanish).
 *
 * @return array<string, array<string, mixed>>
 */
function maig_widgets_embed_widgets() {
	static $widgets = null;
	if ( null === $widgets ) {
		$file    = MAIG_WIDGETS_DIR . 'dist/embed/widgets.json';
		$widgets = file_exists( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : array();
		$widgets = is_array( $widgets ) ? $widgets : array();
	}
	return $widgets;
}

/**
 * What an embed page URL asks for, its query read once: `widget`, the widget it names when it is
 * one of ours, else '' (as the embed page reads it: `maig-` and case do not matter); `lang`, its
 * language when it is a valid language tag, else ''.
 *
 * @param string $url Embed page URL.
 * @return array{widget: string, lang: string}
 */
function maig_widgets_embed_params( $url ) {
	$params = array();
	$query  = wp_parse_url( $url, PHP_URL_QUERY );
	if ( is_string( $query ) ) {
		parse_str( $query, $params );
	}
	$widget = isset( $params['widget'] ) && is_string( $params['widget'] ) ? strtolower( preg_replace( '/^maig-/i', '', $params['widget'] ) ) : '';
	$lang   = isset( $params['lang'] ) && is_string( $params['lang'] ) ? maig_widgets_language_tag( $params['lang'] ) : null;
	return array(
		'widget' => isset( maig_widgets_definitions()[ $widget ] ) ? $widget : '',
		'lang'   => null === $lang ? '' : $lang,
	);
}

/**
 * Regular expression matching embed page URLs under a base URL (http or https).
 *
 * @param string $base Base URL with a trailing slash.
 * @return string
 */
function maig_widgets_embed_pattern( $base ) {
	$rest = preg_replace( '#^https?://#i', '', $base );
	return '#^https?://' . preg_quote( $rest, '#' ) . 'dist/embed/(?:index\.html)?\?\S+$#i';
}

/**
 * The oEmbed endpoint for a configured base URL.
 *
 * @return string Empty when the bundled copy is used.
 */
function maig_widgets_oembed_endpoint() {
	$settings = maig_widgets_settings();
	if ( '' === $settings['base_url'] ) {
		return '';
	}
	if ( '' !== $settings['oembed_endpoint'] ) {
		return $settings['oembed_endpoint'];
	}
	$parts = wp_parse_url( $settings['base_url'] );
	if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	return $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . '/oembed';
}

/** Loads the resize script (dist/embed/resize.js next to the widget script) and the iframe style on this page. */
function maig_widgets_enqueue_embed_assets() {
	$version = maig_widgets_uses_bundled_copy() ? MAIG_WIDGETS_VERSION : null;
	wp_enqueue_script( 'maig-widgets-embed-resize', maig_widgets_base_url() . 'dist/embed/resize.js', array(), $version, true );
	wp_enqueue_style( 'maig-widgets-embed', plugins_url( 'assets/embed.css', MAIG_WIDGETS_FILE ), array(), MAIG_WIDGETS_VERSION );
}

/**
 * Embed handler for the bundled copy: the iframe, written here.
 *
 * @param array<int, string> $matches Regex matches; [0] is the URL.
 * @param array<string, mixed> $attr  Embed attributes.
 * @param string $url  The URL.
 * @return string
 */
function maig_widgets_embed_handler( $matches, $attr, $url ) {
	$params = maig_widgets_embed_params( $url );
	$widget = $params['widget'];
	if ( '' === $widget ) {
		return esc_url( $url ); // Not one of ours: WordPress shows it as a link.
	}
	maig_widgets_enqueue_embed_assets();
	$defs  = maig_widgets_definitions();
	$title = $defs[ $widget ]['title'];
	// A Spanish embed (?lang=es…) has a Spanish title, marked as such for screen readers.
	$lang    = $params['lang'];
	$widgets = maig_widgets_embed_widgets();
	if ( maig_widgets_is_spanish_tag( $lang ) && isset( $widgets[ $widget ]['es']['title'] ) && is_string( $widgets[ $widget ]['es']['title'] ) ) {
		$title = $widgets[ $widget ]['es']['title'];
	}
	return sprintf(
		'<iframe class="maig-widgets-embed" data-maig-embed src="%s" title="%s"%s height="%d" loading="lazy"></iframe>',
		esc_url( $url ),
		esc_attr( $title . ' · Mayors Against Illegal Guns' ),
		'' !== $lang ? ' lang="' . esc_attr( $lang ) . '"' : '',
		maig_widgets_embed_height( $widget )
	);
}

add_action(
	'init',
	function () {
		$base = maig_widgets_base_url();
		if ( maig_widgets_uses_bundled_copy() ) {
			if ( file_exists( MAIG_WIDGETS_DIR . 'dist/embed/index.html' ) ) {
				wp_embed_register_handler( 'maig-widgets', maig_widgets_embed_pattern( $base ), 'maig_widgets_embed_handler' );
			}
			return;
		}
		$endpoint = maig_widgets_oembed_endpoint();
		if ( '' !== $endpoint ) {
			wp_oembed_add_provider( maig_widgets_embed_pattern( $base ), $endpoint, true );
		}
	}
);

// A trusted provider's HTML is kept as it is: add the resize script where our embeds show.
add_filter(
	'embed_oembed_html',
	function ( $html, $url ) {
		if ( is_string( $url ) && ! maig_widgets_uses_bundled_copy() && preg_match( maig_widgets_embed_pattern( maig_widgets_base_url() ), $url ) ) {
			maig_widgets_enqueue_embed_assets();
		}
		return $html;
	},
	10,
	2
);
