<?php
/**
 * WordPress steps of `npm run test:wordpress`, run with PHP's CLI against the test site:
 *   php wp.php install     site, users (Administrator, Editor, Author, Contributor), plugin from the zip, posts
 *   php wp.php base-url U  sets Settings → MAIG Widgets → script base URL (and the join endpoint), posts a pasted URL
 *   php wp.php locale L    sets the site language (WPLANG), '' for English
 *   php wp.php uninstall   deactivates and uninstalls the plugin; says whether its option is gone
 * Prints one JSON line. Env: MAIG_WP_URL (site URL), MAIG_ZIP (plugin zip), MAIG_JOIN (join endpoint).
 */
$_SERVER['WORDPRESS_CONFIG'] = 'maig-widgets-test';
$maig_url                    = getenv( 'MAIG_WP_URL' );
$maig_parts                  = parse_url( $maig_url );
$_SERVER['HTTP_HOST']        = $maig_parts['host'] . ':' . $maig_parts['port'];
$_SERVER['SERVER_NAME']      = $maig_parts['host'];
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_PROTOCOL']  = 'HTTP/1.1';
$maig_action                      = $argv[1] ?? '';
if ( 'install' === $maig_action ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

const MAIG_PASSWORD = 'maig-widgets-test-password';

function maig_user( $login ) {
	$user = get_user_by( 'login', $login );
	return $user ? $user->ID : 0;
}

/** Saves a post as a user, as the editor does (kses applies for roles without unfiltered_html). */
function maig_post_as( $login, $title, $content, $status = 'publish' ) {
	wp_set_current_user( maig_user( $login ) );
	$id = wp_insert_post(
		wp_slash(
			array(
				'post_title'   => $title,
				'post_content' => $content,
				'post_status'  => $status,
				'post_type'    => 'post',
			)
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() . "\n" );
		exit( 1 );
	}
	$post = get_post( $id );
	return array(
		'id'      => $id,
		'url'     => get_permalink( $id ),
		'stored'  => $post->post_content,
		'content' => $content,
	);
}

$out = array();
switch ( $maig_action ) {
	case 'install':
		$result = wp_install( 'maig-widgets test', 'admin', 'admin@example.org', false, '', MAIG_PASSWORD );
		update_option( 'siteurl', $maig_url );
		update_option( 'home', $maig_url );
		foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
			wp_insert_user(
				array(
					'user_login' => $role . '1',
					'user_pass'  => MAIG_PASSWORD,
					'user_email' => $role . '1@example.org',
					'role'       => $role,
				)
			);
		}
		// Install the zip as Plugins → Add New → Upload does.
		wp_set_current_user( maig_user( 'admin' ) );
		$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
		$ok       = $upgrader->install( getenv( 'MAIG_ZIP' ) );
		$out['installed']      = true === $ok;
		$out['installMessages'] = $upgrader->skin->get_upgrade_messages();
		$activated             = activate_plugin( 'maig-widgets/maig-widgets.php' );
		$out['activated']      = null === $activated && is_plugin_active( 'maig-widgets/maig-widgets.php' );
		$out['plugin']         = get_plugin_data( WP_PLUGIN_DIR . '/maig-widgets/maig-widgets.php', false, false );
		$out['roles']          = array(
			'author_unfiltered_html'      => user_can( maig_user( 'author1' ), 'unfiltered_html' ),
			'contributor_unfiltered_html' => user_can( maig_user( 'contributor1' ), 'unfiltered_html' ),
			'editor_manage_options'       => user_can( maig_user( 'editor1' ), 'manage_options' ),
		);
		update_option( 'maig_widgets_settings', array( 'join_endpoint' => getenv( 'MAIG_JOIN' ) ) );
		break;

	case 'posts':
		$embed = plugins_url( 'dist/embed/index.html', WP_PLUGIN_DIR . '/maig-widgets/maig-widgets.php' );
		$out['posts'] = array(
			'shortcodes'  => maig_post_as(
				'author1',
				'Shortcodes',
				"[maig_member_count state=\"NJ\"]\n\n[maig_member_map highlight=\"Baltimore, MD\"]\n\n[maig_principles]\n\n[maig_city_stats state=\"MD\" city=\"Baltimore\"]\n\n[maig_join_form]"
			),
			'inject'      => maig_post_as(
				'author1',
				'Injection attempts',
				"[maig_member_count state=\"\\\"><script>window.maigInjected=1</script>\"]\n\n"
				. "[maig_member_count state='NJ\" onmouseover=\"window.maigInjected=2' label=\"<img src=x onerror=window.maigInjected=3>\" onclick=\"window.maigInjected=4\"]\n\n"
				. "[maig_principles join=\"javascript:window.maigInjected=5\" heading-level=\"2 onfocus=x\" theme=\"dark\\\" onload=\\\"x\"]\n\n"
				. "[maig_city_stats state=\"MD\" city=\"</div><script>window.maigInjected=6</script>\" feed=\"javascript:alert(1)\"]"
			),
			'block'       => maig_post_as(
				'author1',
				'Blocks',
				"<!-- wp:maig-widgets/widget {\"widget\":\"member-count\",\"state\":\"NJ\"} /-->\n\n"
				. "<!-- wp:maig-widgets/widget {\"widget\":\"principles\",\"open\":true} /-->\n\n"
				. "<!-- wp:maig-widgets/widget {\"widget\":\"city-stats\",\"state\":\"MD\",\"city\":\"Baltimore\",\"showNational\":true} /-->"
			),
			'injectBlock' => maig_post_as(
				'author1',
				'Injection attempts in block attributes',
				"<!-- wp:maig-widgets/widget {\"widget\":\"member-count\",\"state\":\"\\u0022\\u003e\\u003cscript\\u003ewindow.maigInjected=7\\u003c/script\\u003e\",\"label\":\"\\u003cimg src=x onerror=window.maigInjected=8\\u003e\"} /-->"
			),
			// As pasted in the classic editor (a URL on its own line) and in the block editor (an Embed block).
			'embed'       => maig_post_as(
				'author1',
				'Pasted embed URL',
				"An embed:\n\n" . $embed . "?widget=member-count&state=NJ\n\nAfter the embed.\n\n"
				. '<!-- wp:embed {"url":"' . $embed . '?widget=principles"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">' . "\n" . $embed . "?widget=principles\n" . '</div></figure><!-- /wp:embed -->'
			),
			// issue 11: lang on shortcodes, the block and a pasted embed URL; an invalid tag is dropped.
			'spanish'     => maig_post_as(
				'author1',
				'Spanish widgets',
				"[maig_member_count state=\"PR\" lang=\"es\"]\n\n[maig_principles lang=\"es-PR\"]\n\n"
				. "[maig_member_count state=\"NJ\" lang=\"es onmouseover=x\"]\n\n[maig_member_count state=\"MD\" lang=\"en\"]\n\n"
				. "<!-- wp:maig-widgets/widget {\"widget\":\"city-stats\",\"state\":\"MD\",\"city\":\"Baltimore\",\"lang\":\"es\"} /-->\n\n"
				. $embed . "?widget=member-count&state=PR&lang=es\n\nFin."
			),
			'plain'       => maig_post_as( 'author1', 'No widget', 'A post without any widget.' ),
			'contributor' => maig_post_as( 'contributor1', 'Contributor draft', "[maig_member_count state=\"NJ\"]\n\n<!-- wp:maig-widgets/widget {\"widget\":\"principles\"} /-->", 'pending' ),
		);
		$out['embedUrl'] = $embed . '?widget=member-count&state=NJ';
		break;

	case 'base-url':
		$base = $argv[2];
		update_option(
			'maig_widgets_settings',
			maig_widgets_sanitize_settings(
				array(
					'base_url'      => $base,
					'join_endpoint' => getenv( 'MAIG_JOIN' ),
				)
			)
		);
		$out['settings'] = get_option( 'maig_widgets_settings' );
		$out['post']     = maig_post_as( 'author1', 'Pasted embed URL from the base URL', "From the configured base:\n\n" . $base . "dist/embed/index.html?widget=member-count&state=NJ\n\nAfter the embed." );
		break;

	case 'locale':
		// The site's language (Settings → General → Site Language), e.g. es_ES; '' for English.
		// WordPress keeps only an installed language (sanitize_option); this test site has no
		// language pack, so the value is put back after that check, as if es_ES were installed.
		$maig_lang = $argv[2] ?? '';
		add_filter( 'sanitize_option_WPLANG', function () use ( $maig_lang ) { return $maig_lang; } );
		update_option( 'WPLANG', $maig_lang );
		unset( $GLOBALS['locale'] );
		$out['locale'] = get_locale();
		break;

	case 'uninstall':
		wp_set_current_user( maig_user( 'admin' ) );
		deactivate_plugins( 'maig-widgets/maig-widgets.php' );
		$out['before'] = false !== get_option( 'maig_widgets_settings' );
		uninstall_plugin( 'maig-widgets/maig-widgets.php' );
		wp_cache_flush();
		$out['after'] = false !== get_option( 'maig_widgets_settings' );
		break;

	default:
		fwrite( STDERR, "usage: php wp.php install|posts|base-url URL|uninstall\n" );
		exit( 2 );
}
echo wp_json_encode( $out ) . "\n";
