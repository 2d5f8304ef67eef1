package io.github.walletdevice.felica.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.felica.FelicaVersion;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.SpecificationVersion;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CardImageFormatTest {

    @Test
    void theSampleSurvivesAFormatParseRoundTrip() {
        CardImage image = CardImages.transitSample();
        String text = CardImageFormat.format(image);
        assertThat(text).contains("system 0003 idm=012E4CD4A1B2C3D4 pmm=100B4B428485D0FF keyVersion=0000")
                .contains("area 1000 end=13FF keyVersion=0000")
                .contains("service 1011 keyVersion=0000\nblock F4010000000000000000000000000000")
                .contains("overlap 1017 of=1011 keyVersion=0000")
                .contains("specificationVersion 3.0.0")
                .contains("system FE00 idm=112E4CD4A1B2C3D4");
        CardImage back = CardImageFormat.parse(text);
        assertThat(CardImageFormat.format(back)).isEqualTo(text);
        assertThat(back.specificationVersion()).isEqualTo(image.specificationVersion());
        assertThat(back.communicationPerformance()).isEqualTo(image.communicationPerformance());
    }

    @Test
    void onlyAsciiHexDigitsAreHexDigits() {
        String text = CardImageFormat.format(CardImages.transitSample());
        // Arabic-Indic zero and fullwidth zero pass Character.digit(c, 16) but are not hex on the wire.
        String arabic = text.replace("system 0003", "system \u0660003");
        String fullwidth = text.replace("system 0003", "system \uFF10003");

        assertThatThrownBy(() -> CardImageFormat.parse(arabic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex digits");
        assertThatThrownBy(() -> CardImageFormat.parse(fullwidth)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex digits");
        assertThatThrownBy(() -> Idm.parse("\u0660\u06601234567890ABCD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a hex digit");
    }

    @Test
    void aSnapshotCanBeSavedAndReloaded() {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        card.execute(WriteWithoutEncryptionCommand.of(card.idm(), CardImages.PURSE, 0, PurseBlock.of(2000).toBytes()));
        VirtualFelicaCard reloaded = VirtualFelicaCard.of(CardImageFormat.parse(CardImageFormat.format(card.snapshot())));
        assertThat(PurseBlock.parse(reloaded.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0)).balance())
                .isEqualTo(2000);
    }

    @Test
    void handWrittenImagesWithCommentsAndDefaults() {
        CardImage image = CardImageFormat.parse(String.join("\n",
                "# a small card",
                "idm 012E000000000001   # the card's IDm",
                "communicationPerformance none",
                "specificationVersion 5.0.0 1.0.0 8A00",
                "maxReadBlocks 4",
                "",
                "system 0003 keyVersion=0007",
                "  area 1000 end=13FF keyVersion=0002",
                "  service 100B blocks=3",
                "  service 1088 keyVersion=0102",
                "  block 000102030405060708090A0B0C0D0E0F",
                "  block 101112131415161718191A1B1C1D1E1F",
                "system 12FC",
                "  service 000B blocks=1",
                ""));
        assertThat(image.communicationPerformance()).isEqualTo(OptionalInt.empty());
        assertThat(image.maxReadBlocks()).isEqualTo(4);
        assertThat(image.specificationVersion()).contains(new SpecificationVersion(0, FelicaVersion.of(5, 0, 0),
                java.util.List.of(FelicaVersion.of(1, 0, 0), new FelicaVersion(0x8A00))));
        VirtualFelicaCard card = VirtualFelicaCard.of(image);
        assertThat(card.idm(SystemCode.NDEF)).isEqualTo(Idm.parse("112E000000000001"));
        assertThat(card.blockCount(SystemCode.CYBERNETICS, io.github.walletdevice.felica.ServiceCode.of(0x100B)))
                .isEqualTo(3);
        assertThat(card.readBlock(SystemCode.CYBERNETICS, io.github.walletdevice.felica.ServiceCode.of(0x1088), 1)[0])
                .isEqualTo((byte) 0x10);
        RequestServiceResponse r = (RequestServiceResponse) card.execute(RequestServiceCommand.of(card.idm(),
                NodeCode.SYSTEM, NodeCode.of(0x1000), NodeCode.of(0x1088))).orElseThrow();
        assertThat(r.keyVersions()).containsExactly(KeyVersion.of(7), KeyVersion.of(2), KeyVersion.of(0x0102));
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> CardImageFormat.parse("idm 012E000000000001\nservice 1011 blocks=1"))
                .hasMessageStartingWith("card image line 2").hasMessageContaining("must follow a system line");
        assertThatThrownBy(() -> CardImageFormat.parse("system 0003\nblock 00"))
                .hasMessageContaining("line 2").hasMessageContaining("must follow a service line");
        assertThatThrownBy(() -> CardImageFormat.parse("system 0003\nservice 1011\nblock 0011"))
                .hasMessageContaining("line 3").hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> CardImageFormat.parse("system 3\n")).hasMessageContaining("4 hex digits");
        assertThatThrownBy(() -> CardImageFormat.parse("frobnicate 1")).hasMessageContaining("unknown directive");
        assertThatThrownBy(() -> CardImageFormat.parse("system 0003 colour=red"))
                .hasMessageContaining("unexpected \"colour=red\"");
        assertThatThrownBy(() -> CardImageFormat.parse("system 0003\narea 1000"))
                .hasMessageContaining("end=");
        assertThatThrownBy(() -> CardImageFormat.parse("idm 012E000000000001\nsystem 0003\nservice 1011"))
                .hasMessageContaining("needs block lines");
        assertThatThrownBy(() -> CardImageFormat.parse("system 0003\nservice 1011 blocks=1"))
                .hasMessageStartingWith("card image: ").hasMessageContaining("no IDm");
        assertThatThrownBy(() -> CardImageFormat.parse("specificationVersion 1.2")).hasMessageContaining("major.minor");
        assertThatThrownBy(() -> CardImageFormat.parse("maxReadBlocks x")).hasMessageContaining("number");
    }
}
