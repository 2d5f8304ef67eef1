/**
 * FeliCa (JIS X 6319-4) command and response codec: value types for IDm, PMm, codes, block list elements and
 * status flags; one record per command and per response ({@link io.github.walletdevice.felica.FelicaCommand},
 * {@link io.github.walletdevice.felica.FelicaResponse}), each with {@code encode()}; a strict decoder
 * ({@link io.github.walletdevice.felica.FelicaDecoder}) that throws only
 * {@link io.github.walletdevice.felica.FelicaFormatException}; and a describer for logs and JSON
 * ({@link io.github.walletdevice.felica.FelicaFrameDescriber}).
 *
 * <p>Byte order on the wire: system codes big-endian; service, area and node codes, key versions, the Search
 * Service Code index, 3-byte block numbers and version words little-endian. In text every code is the 4
 * uppercase hex digits of its numeric value. This package has no dependencies.
 */
package io.github.walletdevice.felica;
