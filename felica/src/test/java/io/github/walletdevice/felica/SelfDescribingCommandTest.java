package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each command type names its response type, and the decoder's registry agrees with it. */
class SelfDescribingCommandTest {

    @Test
    void everySampleResponseDecodesAsTheTypeItsCommandNames() {
        Set<Integer> checked = new TreeSet<>();
        for (FelicaCommand<?> command : SampleFrames.commands()) {
            for (FelicaResponse response : SampleFrames.responses()) {
                if (response.code() != command.responseCode() || command instanceof UnknownCommand) {
                    continue;
                }
                assertThat(response).as(command.name()).isInstanceOf(command.responseType());
                byte[] frame = withIdm(response, command).encode();
                FelicaResponse decoded = command.decodeResponse(frame);
                assertThat(decoded).isInstanceOf(command.responseType()).isEqualTo(withIdm(response, command));
                checked.add(command.code() & 0xFF);
            }
        }
        Set<Integer> known = new TreeSet<>();
        for (int code = 0; code < 256; code++) {
            if (FelicaDecoder.isKnownCommandCode(code)) {
                known.add(code);
            }
        }
        assertThat(checked).isEqualTo(known);
    }

    @Test
    void aDecodedResponseComesBackTyped() {
        ReadWithoutEncryptionCommand read = ReadWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(0x090F), 0);
        byte[] answer = ReadWithoutEncryptionResponse.success(SampleFrames.IDM, List.of(SampleFrames.block(3))).encode();

        ReadWithoutEncryptionResponse viaCommand = read.decodeResponse(answer);
        ReadWithoutEncryptionResponse viaDecoder = FelicaDecoder.decodeResponse(answer, read);
        ReadWithoutEncryptionResponse withoutLength = read.decodeResponseWithoutLength(
                java.util.Arrays.copyOfRange(answer, 1, answer.length));

        assertThat(viaCommand.block(0)).isEqualTo(SampleFrames.block(3));
        assertThat(viaDecoder).isEqualTo(viaCommand).isEqualTo(withoutLength);
    }

    @Test
    void anUnknownCommandIsAnsweredByAnUnknownResponse() {
        UnknownCommand command = new UnknownCommand(0x14, new byte[] {1});
        UnknownResponse response = command.decodeResponse(new UnknownResponse(0x15, new byte[] {2}).encode());
        assertThat(response.body()).containsExactly(2);
        assertThat(new UnknownCommand(0xFF, new byte[0]).responseType()).isEqualTo(UnknownResponse.class);
    }

    @Test
    void theWrongAnswerIsRefusedBeforeAnyCast() {
        ReadWithoutEncryptionCommand read = ReadWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(0x090F), 0);
        byte[] write = new WriteWithoutEncryptionResponse(SampleFrames.IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS)
                .encode();
        assertThatThrownBy(() -> read.decodeResponse(write)).isInstanceOf(FelicaFormatException.class)
                .hasMessageContaining("response code 09 does not answer command 06");
    }

    @Test
    void theMaximumResponseTimeIsThePmmRuleOfTheCommand() {
        Pmm pmm = SampleFrames.PMM;
        for (FelicaCommand<?> command : SampleFrames.commands()) {
            assertThat(pmm.timeout(command)).as(command.name()).isEqualTo(command.maximumResponseTime(pmm))
                    .isPositive();
        }
        assertThat(new GetContainerIdCommand().maximumResponseTime(pmm)).isEqualTo(pmm.timeout(CommandClass.OTHER, 1));
        assertThat(new GetSystemStatusCommand(SampleFrames.IDM).maximumResponseTime(pmm))
                .isEqualTo(pmm.timeout(CommandClass.FIXED, 1));
        assertThatThrownBy(() -> new GetSystemStatusCommand(SampleFrames.IDM).maximumResponseTime(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PollingCommand.of(SystemCode.WILDCARD).maximumResponseTime(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void detailsAreWhatTheDescriberPrintsAfterTheHeader() {
        for (FelicaFrame frame : SampleFrames.all()) {
            Map<String, Object> described = FelicaFrameDescriber.describe(frame);
            for (Map.Entry<String, Object> e : frame.details().entrySet()) {
                assertThat(described).as(frame.name()).containsEntry(e.getKey(), e.getValue());
            }
        }
    }

    /** The sample response re-addressed to the command's IDm, so the decoder's echo check passes. */
    private static FelicaResponse withIdm(FelicaResponse response, FelicaCommand<?> command) {
        if (command.idmIfPresent().isEmpty() || response.idmIfPresent().isEmpty()
                || response.idmIfPresent().equals(command.idmIfPresent())) {
            return response;
        }
        throw new AssertionError("samples use one IDm: " + response + " / " + command);
    }
}
