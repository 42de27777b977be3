package org.wiretrace.align.pan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A PAN text-alignment XML file: {@code <document reference="suspicious-X.txt">} with one {@code
 * <feature>} per passage. Reads both detection files ({@code name="detected-plagiarism"}) and truth
 * files ({@code name="plagiarism"}, with {@code obfuscation}). Immutable; thread-safe.
 *
 * @param reference the suspicious document's file name
 * @param features the features in document order
 */
public record PanDocument(String reference, List<PanFeature> features) {

  /** Feature name of detections. */
  public static final String DETECTED = "detected-plagiarism";

  /** Feature name of truth cases. */
  public static final String TRUTH = "plagiarism";

  public PanDocument {
    if (reference == null) {
      throw new IllegalArgumentException("reference must not be null");
    }
    features = List.copyOf(features);
  }

  /** The XML text with features named {@code featureName}. */
  public String toXml(String featureName) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<document reference=\"").append(escape(reference)).append("\">\n");
    for (PanFeature f : features) {
      sb.append("<feature name=\"").append(featureName).append('"');
      f.obfuscation().ifPresent(o -> sb.append(" obfuscation=\"").append(escape(o)).append('"'));
      sb.append(" this_offset=\"")
          .append(f.thisOffset())
          .append("\" this_length=\"")
          .append(f.thisLength())
          .append("\" source_reference=\"")
          .append(escape(f.sourceReference()))
          .append("\" source_offset=\"")
          .append(f.sourceOffset())
          .append("\" source_length=\"")
          .append(f.sourceLength())
          .append("\"/>\n");
    }
    return sb.append("</document>\n").toString();
  }

  /**
   * Parses a PAN XML file; {@code name} names the file in error messages. Features other than
   * {@link #DETECTED} and {@link #TRUTH} are ignored.
   *
   * @throws IOException naming the file when the XML is malformed or an attribute is missing
   */
  public static PanDocument parse(String xml, String name) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = f.newDocumentBuilder();
      Element root =
          builder
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      List<PanFeature> features = new ArrayList<>();
      NodeList nodes = root.getElementsByTagName("feature");
      for (int k = 0; k < nodes.getLength(); k++) {
        Element e = (Element) nodes.item(k);
        String featureName = e.getAttribute("name");
        if (!DETECTED.equals(featureName) && !TRUTH.equals(featureName)) {
          continue;
        }
        String obf = e.getAttribute("obfuscation");
        features.add(
            new PanFeature(
                number(e, "this_offset", name, k),
                number(e, "this_length", name, k),
                e.getAttribute("source_reference"),
                number(e, "source_offset", name, k),
                number(e, "source_length", name, k),
                obf.isEmpty() ? Optional.empty() : Optional.of(obf)));
      }
      return new PanDocument(root.getAttribute("reference"), features);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException(name + ": malformed PAN XML: " + e.getMessage(), e);
    }
  }

  private static int number(Element e, String attr, String name, int k) throws IOException {
    String v = e.getAttribute(attr);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException x) {
      throw new IOException(
          name + ": feature " + (k + 1) + ": attribute " + attr + " is not a number: '" + v + "'");
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
