import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXParseException;

/**
 * Validates an XML file against an XSD with the JDK's own validator (no downloads): exit 0 when
 * valid, 1 with the first problem on stderr otherwise. Run as a single source file:
 * `java XsdValidate.java schema.xsd file.xml`.
 */
public class XsdValidate {
  public static void main(String[] args) throws Exception {
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var validator = factory.newSchema(new File(args[0])).newValidator();
    try {
      validator.validate(new StreamSource(new File(args[1])));
    } catch (SAXParseException problem) {
      System.err.println("line " + problem.getLineNumber() + ": " + problem.getMessage());
      System.exit(1);
    }
  }
}
