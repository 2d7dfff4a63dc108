<?php
/**
 * Shortcodes, one per widget: [maig_member_count state="NJ"], [maig_member_map highlight="Baltimore, MD"],
 * [maig_principles], [maig_city_stats state="MD" city="Baltimore"], [maig_join_form].
 * A shortcode is plain text, so Authors and Contributors (no unfiltered_html) can use them.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		foreach ( maig_widgets_definitions() as $widget => $def ) {
			add_shortcode(
				$def['shortcode'],
				function ( $atts ) use ( $widget ) {
					return maig_widgets_render( $widget, is_array( $atts ) ? $atts : array() );
				}
			);
		}
	}
);
