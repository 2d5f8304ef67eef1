package io.github.walletdevice.examples.tes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImageFormat;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardImageJsonTest {
    /** The sample transit card written out in the full form. */
    static final String FULL = "{\"idm\":\"012E4CD4A1B2C3D4\",\"pmm\":\"100B4B428485D0FF\",\"systems\":["
            + "{\"systemCode\":\"0003\",\"areas\":[{\"areaCode\":\"1000\",\"endServiceCode\":\"13FF\"}],"
            + "\"services\":[{\"serviceCode\":\"1011\",\"purseBalance\":2500},"
            + "{\"serviceCode\":\"1017\",\"overlapOf\":\"1011\"},{\"serviceCode\":\"104D\",\"blockCount\":10},"
            + "{\"serviceCode\":\"1088\",\"blockCount\":2,\"keyVersion\":\"0001\"},"
            + "{\"serviceCode\":\"10CB\",\"blocks\":[\"57443030303030303030303030303432\"]}]},"
            + "{\"systemCode\":\"FE00\",\"services\":[{\"serviceCode\":\"004B\",\"blockCount\":1}]}]}";

    private static long balance(CardImage image) {
        return PurseBlock.parse(VirtualFelicaCard.of(image).readBlock(CardImages.TRANSIT_SYSTEM,
                CardImages.PURSE, 0)).balance();
    }

    @Test
    void theSampleFormTakesBalanceAndAccount() {
        CardImage image = CardImageJson.parse("{\"sample\":\"transit\",\"balance\":1200,"
                + "\"cardAccountId\":\"WD00000000000042\"}", "test");
        assertThat(balance(image)).isEqualTo(1200);
        assertThat(CardImages.cardAccountId(VirtualFelicaCard.of(image).readBlock(CardImages.TRANSIT_SYSTEM,
                CardImages.CARD_INFO, 0))).isEqualTo("WD00000000000042");
        assertThat(balance(CardImageJson.parse("{\"sample\":\"transit\"}", "test")))
                .isEqualTo(CardImages.DEFAULT_BALANCE);
    }

    @Test
    void theFullFormBuildsEverySystemAndService(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("card.json");
        Files.writeString(file, FULL);
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImageJson.read(file));
        assertThat(card.systemCodes()).extracting(Object::toString).containsExactly("0003", "FE00");
        assertThat(card.idm()).hasToString("012E4CD4A1B2C3D4");
        assertThat(PurseBlock.parse(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE_READ_ONLY, 0))
                .balance()).as("the overlap shares the purse").isEqualTo(2500);
        assertThat(card.blockCount(CardImages.TRANSIT_SYSTEM, CardImages.HISTORY)).isEqualTo(10);
        assertThat(CardImages.cardAccountId(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.CARD_INFO, 0)))
                .isEqualTo("WD00000000000042");
        assertThat(VirtualCardContents.of(card, "x").areaCodeList()).extracting(a -> a.areaCode())
                .containsExactly("1000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json | {oops | is not JSON",
        "array | [] | must be a JSON object",
        "other sample | {\"sample\":\"suica\"} | \"sample\" must be \"transit\"",
        "typo | {\"sample\":\"transit\",\"balanse\":1} | unknown key \"balanse\"",
        "bad balance | {\"sample\":\"transit\",\"balance\":1.5} | \"balance\" must be an integer",
        "no systems | {\"idm\":\"012E4CD4A1B2C3D4\"} | \"systems\" must be a non-empty array",
        "no idm | {\"systems\":[{\"systemCode\":\"0003\"}]} | \"idm\" must be a string",
        "two contents | {\"idm\":\"012E4CD4A1B2C3D4\",\"systems\":[{\"systemCode\":\"0003\",\"services\":"
            + "[{\"serviceCode\":\"1011\",\"purseBalance\":1,\"blockCount\":1}]}]} | systems[0].services[0].serviceCode 1011 needs exactly one",
        "short block | {\"idm\":\"012E4CD4A1B2C3D4\",\"systems\":[{\"systemCode\":\"0003\",\"services\":"
            + "[{\"serviceCode\":\"100B\",\"blocks\":[\"00\"]}]}]} | systems[0].services[0].blocks[0] must be 32 hex digits",
        "bad key version | {\"idm\":\"012E4CD4A1B2C3D4\",\"systems\":[{\"systemCode\":\"0003\",\"keyVersion\":\"1\"}]}"
            + " | \"systems[0].keyVersion\" must be 4 hex digits",
        "felica rule | {\"idm\":\"012E4CD4A1B2C3D4\",\"systems\":[{\"systemCode\":\"0003\",\"services\":"
            + "[{\"serviceCode\":\"1011\",\"blockCount\":2}]}]} | is not a valid card",
    })
    void anInvalidImageSaysWhereAndWhy(String name, String json, String message) {
        assertThatThrownBy(() -> CardImageJson.parse(json, "card.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Card image card.json")
                .hasMessageContaining(message);
    }

    @Test
    void aFileNotStartingWithABraceIsTheFelicaPlainTextForm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("card.txt");
        Files.writeString(file, CardImageFormat.format(CardImages.transitSample(3300, "WD00000000000033")));
        assertThat(balance(CardImageJson.read(file))).isEqualTo(3300);
        Files.writeString(file, "system 0003\nservice 1011 blocks=oops\n");
        assertThatThrownBy(() -> CardImageJson.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Card image " + file + " (plain-text form): ");
    }

    @Test
    void aMissingFileIsSaidInOneSentence(@TempDir Path dir) {
        assertThatThrownBy(() -> CardImageJson.read(dir.resolve("none.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("none.json does not exist.");
    }
}
