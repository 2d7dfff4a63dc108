<?php
/**
 * Router for PHP's built-in server in `npm run test:wordpress`: Debian's WordPress code from
 * /usr/share/wordpress, wp-content from the test's own folder (MAIG_WP_CONTENT), and the
 * test's config (/etc/wordpress/config-maig-widgets-test.php, picked by WORDPRESS_CONFIG).
 */
$_SERVER['WORDPRESS_CONFIG'] = 'maig-widgets-test';
$maig_root    = '/usr/share/wordpress';
$maig_content = getenv( 'MAIG_WP_CONTENT' );
$maig_path    = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( false !== strpos( $maig_path, '..' ) ) {
	http_response_code( 400 );
	return true;
}
$maig_types = array(
	'js'   => 'text/javascript',
	'mjs'  => 'text/javascript',
	'css'  => 'text/css',
	'json' => 'application/json',
	'html' => 'text/html; charset=utf-8',
	'svg'  => 'image/svg+xml',
	'png'  => 'image/png',
	'jpg'  => 'image/jpeg',
	'gif'  => 'image/gif',
	'woff2' => 'font/woff2',
	'woff' => 'font/woff',
	'txt'  => 'text/plain; charset=utf-8',
	'ico'  => 'image/x-icon',
);
if ( 0 === strpos( $maig_path, '/wp-content/' ) ) {
	$maig_file = $maig_content . substr( $maig_path, strlen( '/wp-content' ) );
} else {
	$maig_file = $maig_root . $maig_path;
}
if ( is_dir( $maig_file ) ) {
	$maig_file = rtrim( $maig_file, '/' ) . '/index.php';
}
if ( ! file_exists( $maig_file ) ) {
	$maig_file = $maig_root . '/index.php'; // WordPress answers (404 page, ?p=…).
}
$maig_ext = strtolower( pathinfo( $maig_file, PATHINFO_EXTENSION ) );
if ( 'php' !== $maig_ext ) {
	header( 'Content-Type: ' . ( $maig_types[ $maig_ext ] ?? 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $maig_file ) );
	readfile( $maig_file );
	return true;
}
$_SERVER['SCRIPT_FILENAME'] = $maig_file;
$_SERVER['SCRIPT_NAME']     = 0 === strpos( $maig_file, $maig_root ) ? substr( $maig_file, strlen( $maig_root ) ) : '/wp-content' . substr( $maig_file, strlen( $maig_content ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
chdir( dirname( $maig_file ) );
require $maig_file;
