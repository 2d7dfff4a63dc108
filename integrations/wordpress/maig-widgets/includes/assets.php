<?php
/**
 * Loads the widget script as a module, only on pages that show a widget: from the copy bundled
 * in the plugin, or from the base URL set in Settings → MAIG Widgets. WordPress 6.5+ has
 * wp_enqueue_script_module(); on older versions a script_loader_tag filter adds type="module".
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Base URL of the package (the folder that holds dist/), with a trailing slash.
 *
 * @return string
 */
function maig_widgets_base_url() {
	$settings = maig_widgets_settings();
	return '' !== $settings['base_url'] ? trailingslashit( $settings['base_url'] ) : plugin_dir_url( MAIG_WIDGETS_FILE );
}

/** Whether the script comes from the copy bundled in the plugin. */
function maig_widgets_uses_bundled_copy() {
	return '' === maig_widgets_settings()['base_url'];
}

/**
 * Asks for the loader and the reservation stylesheet on this page. Enqueueing twice is harmless;
 * no "done" flag, because the block editor restores the script queue after preloading the post.
 */
function maig_widgets_enqueue() {
	if ( ! did_action( 'init' ) ) {
		return;
	}
	$base    = maig_widgets_base_url();
	$version = maig_widgets_uses_bundled_copy() ? MAIG_WIDGETS_VERSION : null;
	wp_enqueue_style( 'maig-widgets', $base . 'dist/maig-widgets.css', array(), $version );
	// Script modules print on the front end only (not in the editor on every version): the editor
	// gets a classic script tag with type="module" instead.
	if ( function_exists( 'wp_enqueue_script_module' ) && ! is_admin() ) {
		wp_enqueue_script_module( 'maig-widgets', $base . 'dist/maig-widgets.js', array(), $version );
	} else {
		wp_enqueue_script( 'maig-widgets', $base . 'dist/maig-widgets.js', array(), $version, true );
	}
}

/**
 * WordPress < 6.5: the loader is an ES module.
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function maig_widgets_module_tag( $tag, $handle ) {
	if ( 'maig-widgets' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'maig_widgets_module_tag', 10, 2 );

/**
 * Whether a post's content shows a widget (a shortcode, the block or one of our embed URLs).
 *
 * @param WP_Post|null $post The post.
 * @return bool
 */
function maig_widgets_post_has_widget( $post ) {
	if ( ! $post instanceof WP_Post ) {
		return false;
	}
	foreach ( maig_widgets_definitions() as $def ) {
		if ( has_shortcode( $post->post_content, $def['shortcode'] ) ) {
			return true;
		}
	}
	return has_block( 'maig-widgets/widget', $post );
}

// Early for a single post or page, so the stylesheet lands in <head> and reserves each
// widget's room; anything else (archives, widgets, block templates) asks while it renders.
add_action(
	'wp_enqueue_scripts',
	function () {
		if ( is_singular() && maig_widgets_post_has_widget( get_queried_object() ) ) {
			maig_widgets_enqueue();
		}
	}
);

// The block editor: the loader upgrades the server-rendered preview in place (enqueue_block_assets
// also reaches an editor canvas in an iframe, as the site editor has).
add_action( 'enqueue_block_editor_assets', 'maig_widgets_enqueue' );
add_action(
	'enqueue_block_assets',
	function () {
		if ( is_admin() ) {
			maig_widgets_enqueue();
		}
	}
);
