package io.github.walletdevice.examples.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes of one class file and the classes of ours it refers to, read from its constant pool (JVMS §4.4): every
 * type it names, in code, signatures, descriptors and annotations, is a UTF-8 constant there. String literals are
 * left out, so a class name in a message is no dependency.
 *
 * @param className the class, in binary form ({@code io.github.walletdevice.core.Fields})
 * @param references the classes of ours it names, other than itself, in binary form
 */
record ClassReferences(String className, Set<String> references) {
    /** Our classes in internal form, as they appear alone or inside descriptors and signatures. */
    private static final Pattern OURS = Pattern.compile("io/github/walletdevice/[A-Za-z0-9_$/]+");

    /**
     * Reads a class file.
     *
     * @param classFile the class file's bytes
     * @return its name and the classes of ours it names
     * @throws IOException when the bytes are not a class file
     */
    static ClassReferences read(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        Set<Integer> literals = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8 -> literals.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long, Double: eight bytes and two slots
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classNames[in.readUnsignedShort()]];
        Set<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null || literals.contains(i)) {
                continue;
            }
            Matcher ours = OURS.matcher(utf8[i]);
            while (ours.find()) {
                if (!ours.group().equals(self)) {
                    references.add(ours.group().replace('/', '.'));
                }
            }
        }
        return new ClassReferences(self.replace('/', '.'), references);
    }

    /**
     * The package of a class in binary form.
     *
     * @param className e.g. {@code io.github.walletdevice.core.Fields$Rule}
     * @return e.g. {@code io.github.walletdevice.core}
     */
    static String packageOf(String className) {
        return className.substring(0, Math.max(0, className.lastIndexOf('.')));
    }
}
