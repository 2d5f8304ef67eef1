/**
 * A virtual FeliCa card ({@link io.github.walletdevice.felica.emulator.VirtualFelicaCard}) built from a card
 * image ({@link io.github.walletdevice.felica.emulator.CardImage}), answering command frames as a card does,
 * with the error status flags of a card; and ready-made images
 * ({@link io.github.walletdevice.felica.emulator.CardImages}).
 */
package io.github.walletdevice.felica.emulator;
