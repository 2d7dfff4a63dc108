/**
 * Resizes embedded maig-widgets iframes (oEmbed) from their height messages
 * `{ type: 'maig-widgets:height', height }`. Only a message from one of the page's iframes is
 * used, for that iframe, and only a number between 50 and 10000 (px).
 */
( function () {
	'use strict';
	if ( window.maigWidgetsEmbedResize ) {
		return;
	}
	window.maigWidgetsEmbedResize = true;
	window.addEventListener( 'message', function ( event ) {
		var d = event.data;
		if ( ! d || typeof d !== 'object' || d.type !== 'maig-widgets:height' ) {
			return;
		}
		var h = d.height;
		if ( typeof h !== 'number' || ! isFinite( h ) || h < 50 || h > 10000 ) {
			return;
		}
		var frames = document.getElementsByTagName( 'iframe' );
		for ( var i = 0; i < frames.length; i++ ) {
			if ( frames[ i ].contentWindow === event.source ) {
				frames[ i ].style.height = Math.ceil( h ) + 'px';
				frames[ i ].setAttribute( 'height', String( Math.ceil( h ) ) );
				return;
			}
		}
	} );
} )();
