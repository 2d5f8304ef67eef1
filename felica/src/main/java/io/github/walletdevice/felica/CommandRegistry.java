package io.github.walletdevice.felica;

import java.util.function.Function;

/**
 * The commands this codec models, one line each: the command code with the readers of the command and of its
 * response (whose code is the command code + 1). Package-private because the readers are; the decoder looks
 * codes up here, and every other piece of knowledge about a command lives in its two record types.
 */
final class CommandRegistry {

    /** The readers of one command code; each reads the frame after its code byte. */
    record Entry(Function<FrameReader, FelicaCommand<?>> command, Function<FrameReader, FelicaResponse> response) {
    }

    private static final Entry[] BY_COMMAND_CODE = new Entry[256];

    static {
        register(PollingCommand.CODE, PollingCommand::read, PollingResponse::read);
        register(RequestServiceCommand.CODE, RequestServiceCommand::read, RequestServiceResponse::read);
        register(RequestResponseCommand.CODE, RequestResponseCommand::read, RequestResponseResponse::read);
        register(ReadWithoutEncryptionCommand.CODE, ReadWithoutEncryptionCommand::read,
                ReadWithoutEncryptionResponse::read);
        register(WriteWithoutEncryptionCommand.CODE, WriteWithoutEncryptionCommand::read,
                WriteWithoutEncryptionResponse::read);
        register(SearchServiceCodeCommand.CODE, SearchServiceCodeCommand::read, SearchServiceCodeResponse::read);
        register(RequestSystemCodeCommand.CODE, RequestSystemCodeCommand::read, RequestSystemCodeResponse::read);
        register(RequestBlockInformationCommand.CODE, RequestBlockInformationCommand::read,
                RequestBlockInformationResponse::read);
        register(Authentication1Command.CODE, Authentication1Command::read, Authentication1Response::read);
        register(Authentication2Command.CODE, Authentication2Command::read, Authentication2Response::read);
        register(GetNodePropertyCommand.CODE, GetNodePropertyCommand::read, GetNodePropertyResponse::read);
        register(RequestServiceV2Command.CODE, RequestServiceV2Command::read, RequestServiceV2Response::read);
        register(GetSystemStatusCommand.CODE, GetSystemStatusCommand::read, GetSystemStatusResponse::read);
        register(RequestSpecificationVersionCommand.CODE, RequestSpecificationVersionCommand::read,
                RequestSpecificationVersionResponse::read);
        register(ResetModeCommand.CODE, ResetModeCommand::read, ResetModeResponse::read);
        register(GetContainerIdCommand.CODE, GetContainerIdCommand::read, GetContainerIdResponse::read);
    }

    private CommandRegistry() {
    }

    private static void register(byte code, Function<FrameReader, FelicaCommand<?>> command,
            Function<FrameReader, FelicaResponse> response) {
        int c = code & 0xFF;
        if ((c & 1) != 0 || BY_COMMAND_CODE[c] != null) {
            throw new IllegalStateException("command code " + c + " is odd or registered twice");
        }
        BY_COMMAND_CODE[c] = new Entry(command, response);
    }

    /** The entry of a command code, or null when the code has no type of its own. */
    static Entry command(int code) {
        return BY_COMMAND_CODE[code & 0xFF];
    }

    /** The entry whose response code is {@code code}, or null. */
    static Entry response(int code) {
        return (code & 1) == 1 ? BY_COMMAND_CODE[(code - 1) & 0xFF] : null;
    }
}
