<?php
/**
 * Fallback written from the feed: the current figures a visitor without JavaScript, and a
 * search engine, read in a shortcode's or block's placeholder ("61 member cities in New Jersey,
 * as of November 23, 2026"). The feed's files are fetched on the server with wp_remote_get and
 * kept in a transient for an hour; when the feed cannot be read the placeholder keeps its
 * sentence and link (maig_widgets_fallback). The same sentences as the embed builder's
 * (src/common/fallback.js). English, like the feed; a Spanish widget keeps its Spanish sentence.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/** How long a fetched feed file is kept (seconds). */
const MAIG_WIDGETS_FEED_TTL = HOUR_IN_SECONDS;

/**
 * The feed's folder URL, with a trailing slash: the setting (its index.json or its folder), else
 * the feed next to the script.
 *
 * @return string
 */
function maig_widgets_feed_base() {
	$feed = maig_widgets_settings()['feed_url'];
	if ( '' === $feed ) {
		return maig_widgets_base_url() . 'dist/feed/v1/';
	}
	if ( preg_match( '#/index\.json$#', $feed ) ) {
		return substr( $feed, 0, -strlen( 'index.json' ) );
	}
	return trailingslashit( $feed );
}

/**
 * One feed file as an array, fetched at most once an hour (a transient per URL); null when it
 * cannot be read (the failure is kept for five minutes, so a feed that is down costs one request).
 *
 * @param string $path File path under the feed's folder, e.g. "members.json".
 * @return array<string, mixed>|null
 */
function maig_widgets_feed_file( $path ) {
	$url = maig_widgets_feed_base() . ltrim( $path, '/' );
	if ( 0 !== strpos( $url, 'http' ) ) {
		$url = home_url( $url );
	}
	$key    = 'maig_widgets_feed_' . md5( $url );
	$cached = get_transient( $key );
	if ( is_array( $cached ) ) {
		return isset( $cached['data'] ) && is_array( $cached['data'] ) ? $cached['data'] : null;
	}
	$response = wp_remote_get( $url, array( 'timeout' => 5 ) );
	$data     = null;
	if ( ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ) {
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		$data    = is_array( $decoded ) ? $decoded : null;
	}
	set_transient( $key, array( 'data' => $data ), null === $data ? 5 * MINUTE_IN_SECONDS : MAIG_WIDGETS_FEED_TTL );
	return $data;
}

/**
 * A resource of the feed by its index.json name, with `{state}` filled in.
 *
 * @param string $name  Resource name, e.g. "members", "statsState".
 * @param string $state Lowercase state code for `{state}`.
 * @return array<string, mixed>|null
 */
function maig_widgets_feed_resource( $name, $state = '' ) {
	$index = maig_widgets_feed_file( 'index.json' );
	if ( ! $index || ! isset( $index['resources'][ $name ] ) || ! is_string( $index['resources'][ $name ] ) ) {
		return null;
	}
	return maig_widgets_feed_file( str_replace( '{state}', $state, $index['resources'][ $name ] ) );
}

/**
 * "2026-11-23" as "November 23, 2026".
 *
 * @param string $iso Date.
 * @return string
 */
function maig_widgets_long_date( $iso ) {
	$time = strtotime( $iso . ' 00:00:00 UTC' );
	return false === $time ? $iso : gmdate( 'F j, Y', $time );
}

/**
 * A CDC county count as words: "177", "fewer than 10", "no figure".
 *
 * @param mixed $c Count, [low, high] or null.
 * @return string
 */
function maig_widgets_count_words( $c ) {
	if ( is_int( $c ) ) {
		return number_format( $c );
	}
	if ( is_array( $c ) && 2 === count( $c ) ) {
		return $c[0] <= 1 ? 'fewer than ' . number_format( $c[1] + 1 ) : number_format( $c[0] ) . ' to ' . number_format( $c[1] );
	}
	return 'no figure';
}

/**
 * The widget's fallback from the feed's current figures (escaped HTML), or '' when the feed
 * cannot be read or has no figure for it.
 *
 * @param string                     $widget Widget name.
 * @param array<string, string|true> $attrs  Sanitized attributes.
 * @return string
 */
function maig_widgets_feed_fallback( $widget, $attrs ) {
	$state = ( isset( $attrs['state'] ) && is_string( $attrs['state'] ) ) ? strtoupper( trim( $attrs['state'] ) ) : '';
	$index = maig_widgets_feed_file( 'index.json' );
	if ( ! $index ) {
		return '';
	}
	$name = isset( $index['coalition']['name'] ) ? (string) $index['coalition']['name'] : '';
	$site = isset( $index['coalition']['site'] ) ? (string) $index['coalition']['site'] : '';
	$p    = static function ( $text ) {
		return '<p>' . esc_html( $text ) . '</p>';
	};
	switch ( $widget ) {
		case 'member-count':
		case 'member-map':
			$m = maig_widgets_feed_resource( 'members' );
			if ( ! $m || ! isset( $m['members'], $m['states'], $m['asOf'] ) ) {
				return '';
			}
			$state_name = '';
			foreach ( $m['states'] as $s ) {
				if ( 'member-count' === $widget && isset( $s['code'] ) && $s['code'] === $state ) {
					$state_name = (string) $s['name'];
				}
			}
			$in     = array_filter( $m['members'], static fn( $x ) => '' === $state_name || ( $x['state'] ?? '' ) === $state );
			$n      = count( $in );
			$places = count( array_unique( array_map( static fn( $x ) => $x['state'] ?? '', $m['members'] ) ) );
			$where  = '' !== $state_name ? ' in ' . $state_name : ( '' !== $name ? ' of ' . $name : '' ) . ( 'member-map' === $widget ? ' in ' . $places . ' states and territories' : '' );
			$text   = sprintf( '%s member %s%s, as of %s.', number_format( $n ), 1 === $n ? 'city' : 'cities', $where, maig_widgets_long_date( (string) $m['asOf'] ) );
			return '<p>' . esc_html( $text ) . ' <small>' . esc_html( 'Source: ' . ( $m['source'] ?? '' ) ) . '</small></p>';
		case 'principles':
			$doc = maig_widgets_feed_resource( 'principles' );
			if ( ! $doc || empty( $doc['versions'] ) ) {
				return '';
			}
			$want    = ( isset( $attrs['version'] ) && is_string( $attrs['version'] ) ) ? $attrs['version'] : ( $doc['defaultVersion'] ?? '' );
			$version = $doc['versions'][0];
			foreach ( $doc['versions'] as $v ) {
				if ( ( $v['id'] ?? '' ) === $want ) {
					$version = $v;
				}
			}
			$items = '';
			foreach ( $version['principles'] ?? array() as $x ) {
				$items .= '<li>' . esc_html( $x['title'] ?? '' ) . '</li>';
			}
			$link = '' !== $site ? '<p><a href="' . esc_url( $site ) . '">' . esc_html( ( $version['label'] ?? '' ) . ', ' . $name ) . '</a></p>' : '';
			return $p( $version['label'] ?? '' ) . '<ol>' . $items . '</ol>' . $link;
		case 'city-stats':
			$national = maig_widgets_feed_resource( 'statsNational' );
			if ( ! $national || empty( $national['deaths']['points'] ) ) {
				return '';
			}
			$html = '';
			$file = preg_match( '/^[A-Z]{2}$/', $state ) ? maig_widgets_feed_resource( 'statsState', strtolower( $state ) ) : null;
			$city = ( isset( $attrs['city'] ) && is_string( $attrs['city'] ) ) ? strtolower( trim( $attrs['city'] ) ) : '';
			if ( $file && '' !== $city ) {
				foreach ( $file['cities'] ?? array() as $c ) {
					if ( strtolower( $c['city'] ?? '' ) !== $city || empty( $c['local'] ) ) {
						continue;
					}
					$i     = (int) $file['cdcCounty']['last'] - (int) $file['cdcCounty']['first'];
					$local = $c['local'];
					$area  = 'city-county' === $local['kind'] ? $c['city'] . ', ' . $state : $local['name'] . ' (where ' . $c['city'] . ', ' . $state . ' is)';
					$html .= $p( sprintf( '%s: %s firearm homicides and %s firearm suicides in %d. Source: CDC county figures.', $area, maig_widgets_count_words( $local['homicide'][ $i ] ?? null ), maig_widgets_count_words( $local['suicide'][ $i ] ?? null ), (int) $file['cdcCounty']['last'] ) );
				}
			}
			if ( $file && ! empty( $file['cdc']['points'] ) ) {
				$last  = end( $file['cdc']['points'] );
				$html .= $p( sprintf( '%s: %s firearm deaths in %d. Source: %s.', $file['state']['name'], number_format( (int) $last['deaths'] ), (int) $last['year'], $file['cdc']['source'] ) );
			}
			$us    = end( $national['deaths']['points'] );
			$html .= $p( sprintf( 'United States: %s firearm deaths in %d. Source: %s.', number_format( (int) $us['total'] ), (int) $us['year'], $national['deaths']['source'] ) );
			return $html;
	}
	return '';
}
