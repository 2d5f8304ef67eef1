package io.github.walletdevice.felica;

/**
 * A FeliCa command frame, one record type per command code; any other code is an {@link UnknownCommand}.
 * Decode with {@link FelicaDecoder#decodeCommand(byte[])}.
 */
public sealed interface FelicaCommand extends FelicaFrame
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
}
