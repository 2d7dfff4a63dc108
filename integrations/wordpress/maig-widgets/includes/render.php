<?php
/**
 * One renderer for shortcodes and the block: the CMS-safe placeholder
 * `<div data-maig-widget="member-count" data-state="NJ">fallback</div>`, which the widget
 * script upgrades. Only attributes documented in custom-elements.json pass, each sanitized for
 * its type and escaped; the fallback is words and a link a reader without JavaScript can use.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Attribute names that hold a URL (only http, https or a site-relative path passes). */
const MAIG_WIDGETS_URL_ATTRIBUTES = array( 'feed', 'endpoint' );

/**
 * A language tag for `lang`: well-formed BCP 47 (language, then up to three subtags such as
 * script, region or variant, at most 35 characters: `es`, `es-US`, `es-419`, `zh-Hant-TW`), or null.
 *
 * @param string $value Raw value.
 * @return string|null
 */
function maig_widgets_language_tag( $value ) {
	$value = trim( (string) $value );
	if ( strlen( $value ) > 35 || ! preg_match( '/^[a-z]{2,3}(?:-(?:[a-z]{4}|[a-z]{2}|\d{3}|[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i', $value ) ) {
		return null;
	}
	return $value;
}

/**
 * True when a widget with these attributes speaks Spanish: its `lang` is es, es-US, es-PR…; without
 * a `lang`, when the site's language (WordPress locale, e.g. es_ES, es_MX, es_PR) is Spanish: the
 * widget itself then follows the page's `<html lang>`, which WordPress writes from that locale.
 *
 * @param array<string, string|true> $attrs Sanitized attributes.
 * @return bool
 */
function maig_widgets_is_spanish( $attrs ) {
	$lang = ( isset( $attrs['lang'] ) && is_string( $attrs['lang'] ) ) ? $attrs['lang'] : str_replace( '_', '-', get_locale() );
	return maig_widgets_is_spanish_tag( $lang );
}

/**
 * Sanitizes one attribute value for its documented type; null drops it.
 *
 * @param string               $name  Attribute name (as in custom-elements.json).
 * @param array<string, mixed> $def   Its definition from maig_widgets_definitions().
 * @param mixed                $value Raw value.
 * @return string|true|null String value, true for a present boolean, null to leave it out.
 */
function maig_widgets_sanitize_attribute( $name, $def, $value ) {
	if ( is_bool( $value ) ) {
		$value = $value ? '1' : '0';
	}
	if ( is_int( $value ) || is_float( $value ) ) {
		$value = (string) $value;
	}
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = trim( wp_check_invalid_utf8( $value ) );
	if ( 'lang' === $name ) {
		return maig_widgets_language_tag( $value );
	}
	switch ( $def['type'] ) {
		case 'boolean':
			return in_array( strtolower( $value ), array( '', '1', 'true', 'yes', 'on', $name ), true ) ? true : null;
		case 'number':
			return preg_match( '/^-?\d{1,9}$/', $value ) ? $value : null;
		case 'enum':
			$value = strtolower( $value );
			return in_array( $value, $def['values'], true ) ? $value : null;
	}
	if ( in_array( $name, MAIG_WIDGETS_URL_ATTRIBUTES, true ) ) {
		if ( '' === $value ) {
			return null;
		}
		if ( '/' === $value[0] && ( ! isset( $value[1] ) || '/' !== $value[1] ) ) {
			return esc_url_raw( $value );
		}
		return preg_match( '#^https?://#i', $value ) ? ( esc_url_raw( $value, array( 'http', 'https' ) ) ?: null ) : null;
	}
	if ( 'join' === $name && '' !== $value && preg_match( '#^[a-z][a-z0-9+.-]*:#i', $value ) && ! preg_match( '#^https?://#i', $value ) ) {
		return null; // A join link may be empty (the feed's address) or http(s), never javascript: and the like.
	}
	$value = sanitize_text_field( $value );
	if ( '' === $value && 'join' !== $name ) {
		return null;
	}
	return function_exists( 'mb_substr' ) ? mb_substr( $value, 0, 200 ) : substr( $value, 0, 200 );
}

/**
 * Reads shortcode or block attributes into the allowed `data-` attributes of one widget.
 * Accepts `hide-claim`, `hide_claim` and `hideClaim`, and bare flags (`[maig_principles open]`).
 *
 * @param string               $widget Widget name, e.g. "member-count".
 * @param array<string|int, mixed> $atts Raw attributes.
 * @return array<string, string|true> Attribute name => value (true: boolean present).
 */
function maig_widgets_attributes( $widget, $atts ) {
	$defs = maig_widgets_definitions();
	if ( ! isset( $defs[ $widget ] ) ) {
		return array();
	}
	$allowed = $defs[ $widget ]['attributes'];
	$given   = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) { // Bare word: a flag.
			if ( ! is_string( $value ) ) {
				continue;
			}
			$key   = $value;
			$value = '';
		}
		$name           = strtolower( preg_replace( '/([a-z])([A-Z])/', '$1-$2', (string) $key ) );
		$name           = str_replace( '_', '-', $name );
		$given[ $name ] = $value;
	}
	$out = array();
	foreach ( $allowed as $name => $def ) {
		if ( array_key_exists( $name, $given ) ) {
			$clean = maig_widgets_sanitize_attribute( $name, $def, $given[ $name ] );
			if ( null !== $clean ) {
				$out[ $name ] = $clean;
			}
		}
	}
	$settings = maig_widgets_settings();
	if ( isset( $allowed['feed'] ) && ! isset( $out['feed'] ) && '' !== $settings['feed_url'] ) {
		$out['feed'] = $settings['feed_url'];
	}
	if ( isset( $allowed['endpoint'] ) && ! isset( $out['endpoint'] ) && '' !== $settings['join_endpoint'] ) {
		$out['endpoint'] = $settings['join_endpoint'];
	}
	return $out;
}

/**
 * The no-JavaScript fallback: a sentence and a link.
 *
 * @param string                     $widget Widget name.
 * @param array<string, string|true> $attrs  Sanitized attributes.
 * @return string HTML (escaped).
 */
function maig_widgets_fallback( $widget, $attrs ) {
	$links   = maig_widgets_links();
	$state   = ( isset( $attrs['state'] ) && is_string( $attrs['state'] ) ) ? $attrs['state'] : '';
	$city    = ( isset( $attrs['city'] ) && is_string( $attrs['city'] ) ) ? $attrs['city'] : '';
	$spanish = maig_widgets_is_spanish( $attrs );
	// Spanish is written here, not through __(): it follows the widget's language, not the site's
	// (the glossary is src/shared/i18n/GLOSSARY.md). The linked pages are in English.
	switch ( $widget ) {
		case 'member-count':
			if ( $spanish ) {
				$text = '' !== $state
					? sprintf( 'Mayors Against Illegal Guns tiene ciudades miembro en %s.', $state )
					: 'Mayors Against Illegal Guns: una coalición de alcaldes de todo Estados Unidos.';
				$link = array( $links['site'], 'Vea las ciudades miembro (en inglés)' );
				break;
			}
			$text = '' !== $state
				/* translators: %s: state code or name */
				? sprintf( __( 'Mayors Against Illegal Guns has member cities in %s.', 'maig-widgets' ), $state )
				: __( 'Mayors Against Illegal Guns: a coalition of mayors across the United States.', 'maig-widgets' );
			$link = array( $links['site'], __( 'See the member cities', 'maig-widgets' ) );
			break;
		case 'member-map':
			$text = $spanish ? 'Un mapa de las ciudades miembro de Mayors Against Illegal Guns.' : __( 'A map of the member cities of Mayors Against Illegal Guns.', 'maig-widgets' );
			$link = array( $links['site'], $spanish ? 'Vea las ciudades miembro por estado (en inglés)' : __( 'See the member cities by state', 'maig-widgets' ) );
			break;
		case 'principles':
			$text = $spanish ? 'La Declaración de Principios de Mayors Against Illegal Guns, disponible solo en inglés.' : __( 'The Statement of Principles of Mayors Against Illegal Guns.', 'maig-widgets' );
			$link = array( $links['site'], $spanish ? 'Lea la Declaración de Principios (en inglés)' : __( 'Read the Statement of Principles', 'maig-widgets' ) );
			break;
		case 'city-stats':
			$place = trim( $city . ( '' !== $city && '' !== $state ? ', ' : '' ) . $state );
			if ( $spanish ) {
				$text = '' !== $place ? sprintf( 'Estadísticas de violencia armada de %s.', $place ) : 'Estadísticas de violencia armada.';
				$link = array( $links['cdc'], 'Vea las muertes por arma de fuego por estado (CDC/NCHS, en inglés)' );
				break;
			}
			$text = '' !== $place
				/* translators: %s: city and state */
				? sprintf( __( 'Gun-violence statistics for %s.', 'maig-widgets' ), $place )
				: __( 'Gun-violence statistics.', 'maig-widgets' );
			$link = array( $links['cdc'], __( 'See firearm deaths by state (CDC/NCHS)', 'maig-widgets' ) );
			break;
		case 'join-form':
			$text = $spanish ? 'Los alcaldes pueden unirse a Mayors Against Illegal Guns firmando su Declaración de Principios.' : __( 'Mayors can join Mayors Against Illegal Guns by signing its Statement of Principles.', 'maig-widgets' );
			$link = array( $links['join'], $spanish ? 'Únase a Mayors Against Illegal Guns (en inglés)' : __( 'Join Mayors Against Illegal Guns', 'maig-widgets' ) );
			break;
		default:
			return '';
	}
	// A widget whose language is set says so, for screen readers on a page in another language.
	$lang = ( isset( $attrs['lang'] ) && is_string( $attrs['lang'] ) ) ? ' lang="' . esc_attr( $attrs['lang'] ) . '"' : '';
	return sprintf( '<p%s>%s <a href="%s">%s</a></p>', $lang, esc_html( $text ), esc_url( $link[0] ), esc_html( $link[1] ) );
}

/**
 * Renders one widget placeholder, and asks for the widget script on this page.
 *
 * @param string                   $widget Widget name, e.g. "member-count".
 * @param array<string|int, mixed> $atts   Raw shortcode or block attributes.
 * @return string HTML.
 */
function maig_widgets_render( $widget, $atts ) {
	$defs = maig_widgets_definitions();
	if ( ! is_string( $widget ) || ! isset( $defs[ $widget ] ) ) {
		return '';
	}
	$attrs = maig_widgets_attributes( $widget, $atts );
	$html  = '<div class="maig-widget" data-maig-widget="' . esc_attr( $widget ) . '"';
	foreach ( $attrs as $name => $value ) {
		$html .= ' data-' . esc_attr( $name ) . '="' . ( true === $value ? '' : esc_attr( $value ) ) . '"';
	}
	$html .= '>' . maig_widgets_fallback( $widget, $attrs ) . '</div>';
	maig_widgets_enqueue();
	return $html;
}
