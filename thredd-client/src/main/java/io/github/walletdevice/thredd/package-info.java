/**
 * Client for Thredd's {@code Ws_Token_Device_Management} SOAP web service: list the devices bound to a tokenised
 * card and unbind one (Visa VDEP).
 *
 * <p>Start with {@link io.github.walletdevice.thredd.ThreddClient#builder()}; the operations are on
 * {@link io.github.walletdevice.thredd.ThreddClient#tokenDevices()}.
 */
package io.github.walletdevice.thredd;
