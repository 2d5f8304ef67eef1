package io.github.walletdevice.felica;

import java.time.Duration;

/**
 * A FeliCa command frame, one record type per command code; any other code is an {@link UnknownCommand}.
 * Decode with {@link FelicaDecoder#decodeCommand(byte[])}.
 *
 * <p>Each command type describes itself: its code ({@link #code()}), the type of its answer
 * ({@link #responseType()}, so that {@link #decodeResponse(byte[])} returns it typed), how long a card may take
 * to answer ({@link #maximumResponseTime(Pmm)}) and its fields ({@link #details()}). felica/README.md lists the
 * steps to add a command.
 *
 * @param <R> the type of the response to this command
 */
public sealed interface FelicaCommand<R extends FelicaResponse> extends FelicaFrame
        permits PollingCommand, RequestServiceCommand, RequestResponseCommand, ReadWithoutEncryptionCommand,
                WriteWithoutEncryptionCommand, SearchServiceCodeCommand, RequestSystemCodeCommand,
                RequestBlockInformationCommand, Authentication1Command, Authentication2Command,
                GetNodePropertyCommand, RequestServiceV2Command, GetSystemStatusCommand,
                RequestSpecificationVersionCommand, ResetModeCommand, GetContainerIdCommand, UnknownCommand {

    /**
     * Returns the code the response to this command carries: the command code + 1.
     *
     * @return the response code
     */
    default byte responseCode() {
        return (byte) (code() + 1);
    }

    /**
     * Returns the type the response to this command decodes to.
     *
     * @return the response type
     */
    Class<R> responseType();

    /**
     * Returns how long a card with this PMm may take to answer this command: the timeout of the command's class
     * for its number of blocks or nodes ({@link Pmm#timeout(CommandClass, int)}), nfcpy's rule for Search Service
     * Code and Request System Code, and the time-slot rule for Polling ({@link TimeSlot#maximumResponseTime()}).
     * Unknown commands and Get Container ID use {@link CommandClass#OTHER} with n = 1.
     *
     * @param pmm the card's PMm
     * @return the timeout
     * @throws NullPointerException if {@code pmm} is null
     */
    Duration maximumResponseTime(Pmm pmm);

    /**
     * Decodes the response to this command from a frame that starts with LEN, as
     * {@link FelicaDecoder#decodeResponse(byte[], FelicaCommand)} does.
     *
     * @param frame the frame, LEN byte first
     * @return the response, typed
     * @throws FelicaFormatException if the bytes are not a well-formed response frame, or do not answer this command
     */
    default R decodeResponse(byte[] frame) {
        return FelicaDecoder.decodeResponse(frame, this);
    }

    /**
     * Decodes the response to this command from a frame without its LEN byte, as
     * {@link FelicaDecoder#decodeResponseWithoutLength(byte[], FelicaCommand)} does.
     *
     * @param packet the frame without LEN
     * @return the response, typed
     * @throws FelicaFormatException if the bytes are not a well-formed response frame, or do not answer this command
     */
    default R decodeResponseWithoutLength(byte[] packet) {
        return FelicaDecoder.decodeResponseWithoutLength(packet, this);
    }
}
