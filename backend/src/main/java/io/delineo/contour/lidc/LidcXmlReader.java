package io.delineo.contour.lidc;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads LIDC-IDRI annotation XML ({@code LidcReadMessage}, namespace {@code http://www.nih.gov}; element names are
 * matched by local name so files without the namespace work too):
 * {@code readingSession → unblindedReadNodule → roi (imageSOP_UID, imageZposition, inclusion, edgeMap(xCoord,
 * yCoord)*)} and {@code readingSession → nonNodule}. External entities and DTDs are refused.
 */
public final class LidcXmlReader {
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) throws SAXException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
    };

    private LidcXmlReader() {}

    public static LidcReadMessage read(Path file) throws IOException {
        if (file == null) throw new IllegalArgumentException("file is required");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** @param source a name for error messages */
    public static LidcReadMessage read(InputStream in, String source) throws IOException {
        if (in == null) throw new IllegalArgumentException("input is required");
        Document doc;
        try {
            doc = secureBuilder().parse(in);
        } catch (SAXException e) {
            throw new LidcFormatException(source + ": not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"LidcReadMessage".equals(localName(root))) {
            throw new LidcFormatException(source + ": root element is <" + localName(root) + ">, expected <LidcReadMessage>");
        }
        Element header = child(root, "ResponseHeader");
        String series = header == null ? null : text(header, "SeriesInstanceUid");
        String study = header == null ? null : text(header, "StudyInstanceUID");
        List<LidcReadingSession> sessions = new ArrayList<>();
        for (Element s : children(root, "readingSession")) sessions.add(session(s, source, sessions.size() + 1));
        return new LidcReadMessage(series, study, sessions);
    }

    private static LidcReadingSession session(Element s, String source, int number) {
        String where = source + ", reading session " + number;
        List<LidcNodule> nodules = new ArrayList<>();
        for (Element n : children(s, "unblindedReadNodule")) {
            String id = text(n, "noduleID");
            if (id == null) throw new LidcFormatException(where + ": an unblindedReadNodule has no noduleID");
            Map<String, Integer> characteristics = new LinkedHashMap<>();
            Element ch = child(n, "characteristics");
            if (ch != null) {
                for (Element c : children(ch, null)) {
                    String v = c.getTextContent().trim();
                    if (!v.isEmpty()) characteristics.put(localName(c), parseInt(v, where + ", nodule " + id + " " + localName(c)));
                }
            }
            List<LidcRoi> rois = new ArrayList<>();
            for (Element r : children(n, "roi")) rois.add(roi(r, where + ", nodule " + id));
            nodules.add(new LidcNodule(id, characteristics, rois));
        }
        List<LidcNonNodule> nonNodules = new ArrayList<>();
        for (Element n : children(s, "nonNodule")) {
            String id = text(n, "nonNoduleID");
            String w = where + ", nonNodule " + id;
            Element locus = child(n, "locus");
            if (locus == null) throw new LidcFormatException(w + ": no locus");
            nonNodules.add(new LidcNonNodule(id, required(n, "imageSOP_UID", w),
                    parseDouble(required(n, "imageZposition", w), w + " imageZposition"),
                    parseDouble(required(locus, "xCoord", w), w + " xCoord"),
                    parseDouble(required(locus, "yCoord", w), w + " yCoord")));
        }
        return new LidcReadingSession(text(s, "annotationVersion"), text(s, "servicingRadiologistID"), nodules, nonNodules);
    }

    private static LidcRoi roi(Element r, String where) {
        String sop = required(r, "imageSOP_UID", where + ", roi");
        String w = where + ", roi on " + sop;
        String z = text(r, "imageZposition");
        String inclusion = required(r, "inclusion", w);
        boolean included;
        if (inclusion.equalsIgnoreCase("TRUE")) included = true;
        else if (inclusion.equalsIgnoreCase("FALSE")) included = false;
        else throw new LidcFormatException(w + ": inclusion must be TRUE or FALSE, got '" + inclusion + "'");
        List<Element> edges = children(r, "edgeMap");
        if (edges.isEmpty()) throw new LidcFormatException(w + ": no edgeMap points");
        double[] cols = new double[edges.size()], rows = new double[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            cols[e] = parseDouble(required(edges.get(e), "xCoord", w), w + " xCoord");
            rows[e] = parseDouble(required(edges.get(e), "yCoord", w), w + " yCoord");
        }
        return new LidcRoi(sop, z == null ? Double.NaN : parseDouble(z, w + " imageZposition"), included, cols, rows);
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(SILENT); // errors surface as exceptions, not stderr noise
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }

    private static String localName(Node n) { return n.getLocalName() != null ? n.getLocalName() : n.getNodeName(); }

    /** Child elements with the given local name (any name when null), in document order. */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && (name == null || name.equals(localName(e)))) out.add(e);
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element parent, String name) {
        Element c = child(parent, name);
        if (c == null) return null;
        String t = c.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    private static String required(Element parent, String name, String where) {
        String t = text(parent, name);
        if (t == null) throw new LidcFormatException(where + ": missing <" + name + ">");
        return t;
    }

    private static double parseDouble(String s, String what) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) throw new NumberFormatException("not finite");
            return v;
        } catch (NumberFormatException e) {
            throw new LidcFormatException(what + ": '" + s + "' is not a number");
        }
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new LidcFormatException(what + ": '" + s + "' is not an integer");
        }
    }
}
