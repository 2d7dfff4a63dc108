<?php
/**
 * Plugin Name:       MAIG Widgets
 * Description:       The widgets of Mayors Against Illegal Guns (member count, member map, Statement of Principles, city statistics, join form) as shortcodes, a block and oEmbed embeds.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            maig-widgets contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       maig-widgets
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'MAIG_WIDGETS_VERSION', '0.1.0' );
define( 'MAIG_WIDGETS_FILE', __FILE__ );
define( 'MAIG_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

// Written by `npm run build` from custom-elements.json and the feed (allow-list, fallback links).
// A source checkout that was never built has none: say so instead of failing.
if ( ! is_readable( MAIG_WIDGETS_DIR . 'includes/attributes.php' ) ) {
	add_action(
		'admin_notices',
		function () {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'MAIG Widgets is not built: install dist/wordpress/maig-widgets.zip from `npm run build`, not the source folder.', 'maig-widgets' ) . '</p></div>';
		}
	);
	return;
}
require_once MAIG_WIDGETS_DIR . 'includes/attributes.php';
require_once MAIG_WIDGETS_DIR . 'includes/settings.php';
require_once MAIG_WIDGETS_DIR . 'includes/render.php';
require_once MAIG_WIDGETS_DIR . 'includes/assets.php';
require_once MAIG_WIDGETS_DIR . 'includes/shortcodes.php';
require_once MAIG_WIDGETS_DIR . 'includes/block.php';
require_once MAIG_WIDGETS_DIR . 'includes/oembed.php';
