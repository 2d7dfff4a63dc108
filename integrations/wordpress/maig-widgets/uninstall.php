<?php
/**
 * Uninstall: removes the plugin's options (and their multisite copies). Nothing else is stored.
 *
 * @package MaigWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'maig_widgets_settings' );
if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $maig_widgets_site_id ) {
		delete_blog_option( $maig_widgets_site_id, 'maig_widgets_settings' );
	}
}
