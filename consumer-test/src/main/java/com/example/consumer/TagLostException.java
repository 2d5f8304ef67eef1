package com.example.consumer;

import java.io.IOException;

/** Stands for Android's {@code android.nfc.TagLostException}: the card left the field or stayed silent. */
final class TagLostException extends IOException {
    private static final long serialVersionUID = 1L;

    TagLostException() {
        super("Tag was lost.");
    }
}
