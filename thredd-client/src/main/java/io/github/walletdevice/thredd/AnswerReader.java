package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.ElementText;
import io.github.walletdevice.thredd.internal.SafeXmlReader;
import io.github.walletdevice.thredd.internal.ThreddWire;
import io.github.walletdevice.thredd.internal.XmlEvents;
import io.github.walletdevice.thredd.internal.XmlNode;
import io.github.walletdevice.thredd.internal.XmlTreeBuilder;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * Picks out of a response, while {@link SafeXmlReader#scan} reads it, what {@link ResponseDecoder} decides on,
 * without building the document's tree:
 *
 * <pre>
 * 1 Envelope                            SOAP 1.1 or 1.2 namespace, name as is
 * 2   Body                              the first one in the envelope's namespace
 * 3     Fault                           the Body's first element, if a fault: kept as a tree
 * 3     Ws_Token_Device_ManagementResponse   or the Body's first element, name as is, any namespace
 * 4       Ws_Token_Device_ManagementResult   the first one, any case
 * 5         ActionCode, WSID, IssCode   the first of each name, any case: its text
 * 5         DeviceList                  each, any case
 * 6           a device field            the list is one device (its first of each field), or else
 * 6           an item                   each item holding elements is a device
 * 7             a device field          (the item's first of each field)
 * </pre>
 *
 * Names are local names; elements anywhere else are read (and checked) but not kept. Single use.
 */
final class AnswerReader implements XmlEvents {
    private static final String RESPONSE = ThreddWire.OPERATION + "Response";
    private static final String RESULT = ThreddWire.OPERATION + "Result";

    // What the open element at depth 5 is, within the result.
    private static final int OTHER = 0;
    private static final int ACTION_CODE = 1;
    private static final int WSID = 2;
    private static final int ISS_CODE = 3;
    private static final int DEVICE_LIST = 4;

    private String rootNamespace = "";
    private String rootName;
    /** The version of a SOAP envelope's namespace; null if the document element is not an envelope. */
    private SoapVersion version;

    private boolean bodyFound;
    private boolean inBody;
    private boolean firstFound;
    private boolean inResponse;
    private XmlTreeBuilder faultTree;
    private XmlNode fault;
    private boolean resultFound;
    private boolean inResult;

    private int resultChild = OTHER;
    private final ElementText resultChildText = new ElementText();
    private String actionCode;
    private String wsid;
    private String issCode;

    /** The open DeviceList's own fields, as one device; null when no list is open. */
    private DeviceTexts listFields;
    private boolean listHoldsField;
    /** The open list's items that held elements, in order; null while there is none. */
    private List<DeviceTexts> listItems;
    private int itemSlot = -1;
    /** The open list child's name when the spec does not name it (an item, or a field to keep); else null. */
    private String listChildUnknown;
    private final ElementText itemText = new ElementText();
    /** The open item's fields, once it holds an element. */
    private DeviceTexts itemFields;
    private int itemFieldSlot = -1;
    /** The open item child's name when the spec does not name it (kept as an unknown field); else null. */
    private String itemFieldUnknown;
    private final ElementText itemFieldText = new ElementText();

    /** The devices read, by slot ({@link DeviceFields}), in document order. */
    private final List<DeviceTexts> devices = new ArrayList<>();

    @Override
    public void start(String namespace, String localName, int depth) {
        if (faultTree != null) {
            faultTree.start(namespace, localName, depth);
            return;
        }
        switch (depth) {
            case 1 -> {
                rootNamespace = namespace == null ? "" : namespace;
                rootName = localName;
                version = localName.equals("Envelope") ? SoapVersion.ofNamespace(namespace) : null;
            }
            case 2 -> {
                inBody = version != null && !bodyFound && isSoap("Body", namespace, localName);
                bodyFound |= inBody;
            }
            case 3 -> {
                if (inBody && !firstFound) {
                    firstFound = true;
                    if (isSoap("Fault", namespace, localName)) {
                        faultTree = new XmlTreeBuilder();
                        faultTree.start(namespace, localName, depth);
                    } else {
                        inResponse = localName.equals(RESPONSE);
                    }
                }
            }
            case 4 -> {
                inResult = inResponse && !resultFound && localName.equalsIgnoreCase(RESULT);
                resultFound |= inResult;
            }
            case 5 -> {
                if (inResult) {
                    startResultChild(localName);
                }
            }
            case 6 -> {
                if (listFields != null) {
                    startListChild(localName);
                }
            }
            case 7 -> {
                if (listFields != null) {
                    startItemChild(localName);
                }
            }
            default -> {
                // deeper: nothing read
            }
        }
    }

    private boolean isSoap(String name, String namespace, String localName) {
        return version.envelopeNamespace().equals(namespace) && localName.equals(name);
    }

    /** The first ActionCode, WSID and IssCode count, blank or not; every DeviceList does. */
    private void startResultChild(String name) {
        resultChild = OTHER;
        if (name.equalsIgnoreCase("DeviceList")) {
            resultChild = DEVICE_LIST;
            listFields = new DeviceTexts();
            listHoldsField = false;
            listItems = null;
            return;
        }
        if (actionCode == null && name.equalsIgnoreCase("ActionCode")) {
            resultChild = ACTION_CODE;
        } else if (wsid == null && name.equalsIgnoreCase("WSID")) {
            resultChild = WSID;
        } else if (issCode == null && name.equalsIgnoreCase("IssCode")) {
            resultChild = ISS_CODE;
        }
        resultChildText.clear();
    }

    /** A child of a list is read both as the list's field and as an item, until the list's end tells which. */
    private void startListChild(String name) {
        int slot = DeviceFields.slotOf(name);
        listHoldsField |= slot >= 0 || DeviceFields.isDeviceField(name);
        itemSlot = slot >= 0 && listFields.slots[slot] == null ? slot : -1;
        listChildUnknown = slot < 0 ? name : null;
        itemText.clear();
        itemFields = null;
    }

    private void startItemChild(String name) {
        if (itemFields == null) {
            itemFields = new DeviceTexts();
        }
        int slot = DeviceFields.slotOf(name);
        itemFieldSlot = slot >= 0 && itemFields.slots[slot] == null ? slot : -1;
        itemFieldUnknown = slot < 0 ? name : null;
        itemFieldText.clear();
    }

    @Override
    public void text(XMLStreamReader reader, int depth) {
        if (faultTree != null) {
            faultTree.text(reader, depth);
        } else if (depth == 5) {
            if (resultChild != OTHER && resultChild != DEVICE_LIST) {
                resultChildText.add(reader);
            }
        } else if (depth == 6) {
            if (itemSlot >= 0 || listChildUnknown != null) {
                itemText.add(reader);
            }
        } else if (depth == 7 && (itemFieldSlot >= 0 || itemFieldUnknown != null)) {
            itemFieldText.add(reader);
        }
    }

    @Override
    public void end(int depth) {
        if (faultTree != null) {
            faultTree.end(depth);
            if (depth == 3) {
                fault = faultTree.root();
                faultTree = null;
            }
            return;
        }
        switch (depth) {
            case 2 -> inBody = false;
            case 3 -> inResponse = false;
            case 4 -> inResult = false;
            case 5 -> endResultChild();
            case 6 -> {
                if (listFields != null) {
                    endListChild();
                }
            }
            case 7 -> {
                if (itemFieldSlot >= 0) {
                    itemFields.slots[itemFieldSlot] = itemFieldText.value();
                    itemFieldSlot = -1;
                } else if (itemFieldUnknown != null) {
                    itemFields.keepUnknown(itemFieldUnknown, itemFieldText.value());
                    itemFieldUnknown = null;
                }
            }
            default -> {
                // nothing read there
            }
        }
    }

    private void endResultChild() {
        switch (resultChild) {
            case ACTION_CODE -> actionCode = resultChildText.value();
            case WSID -> wsid = resultChildText.value();
            case ISS_CODE -> issCode = resultChildText.value();
            case DEVICE_LIST -> {
                if (listHoldsField) {
                    devices.add(listFields);
                } else if (listItems != null) {
                    devices.addAll(listItems);
                }
                listFields = null;
                listItems = null;
            }
            default -> {
                // not read
            }
        }
        resultChild = OTHER;
    }

    private void endListChild() {
        if (itemSlot >= 0) {
            listFields.slots[itemSlot] = itemText.value();
            itemSlot = -1;
        } else if (listChildUnknown != null && itemFields == null) {
            // Text only: a field of a list that is itself a device (kept if it turns out to be one).
            listFields.keepUnknown(listChildUnknown, itemText.value());
        }
        listChildUnknown = null;
        if (itemFields != null) {
            if (listItems == null) {
                listItems = new ArrayList<>();
            }
            listItems.add(itemFields);
            itemFields = null;
        }
    }

    /** The document element's namespace, {@code ""} for none. */
    String rootNamespace() {
        return rootNamespace;
    }

    /** The document element's local name. */
    String rootName() {
        return rootName;
    }

    /** The SOAP version of the envelope, or null if the document element is not a SOAP envelope. */
    SoapVersion version() {
        return version;
    }

    /** The fault that is the Body's first element, or null. */
    XmlNode fault() {
        return fault;
    }

    /** Whether the Body's first element is the operation's response holding its result. */
    boolean hasResult() {
        return resultFound;
    }

    /** The text of the result's first ActionCode if not blank, else null. */
    String actionCode() {
        return nonBlank(actionCode);
    }

    /** The text of the result's first WSID if not blank, else null. */
    String wsid() {
        return nonBlank(wsid);
    }

    /** The text of the result's first IssCode if not blank, else null. */
    String issCode() {
        return nonBlank(issCode);
    }

    /** The devices of every DeviceList in the result. */
    List<TokenDevice> devices() {
        List<TokenDevice> list = new ArrayList<>(devices.size());
        for (DeviceTexts d : devices) {
            list.add(DeviceFields.device(d));
        }
        return list;
    }

    private static String nonBlank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
