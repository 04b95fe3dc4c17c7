import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates XML documents against an XML Schema with the JDK's own validator (Xerces), so the
 * tests judge our XML by an implementation nobody here wrote. Usage:
 * java XsdValidate.java schema.xsd doc1.xml doc2.xml ... ; one line per document: "ok" or the
 * problems joined by " | ".
 */
public class XsdValidate {
  public static void main(String[] args) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Schema schema = factory.newSchema(new File(args[0]));
    for (int i = 1; i < args.length; i++) {
      List<String> problems = new ArrayList<>();
      Validator validator = schema.newValidator();
      validator.setErrorHandler(new ErrorHandler() {
        public void warning(SAXParseException e) {}
        public void error(SAXParseException e) { problems.add("line " + e.getLineNumber() + ": " + e.getMessage()); }
        public void fatalError(SAXParseException e) { problems.add("line " + e.getLineNumber() + ": " + e.getMessage()); }
      });
      try {
        validator.validate(new StreamSource(new File(args[i])));
      } catch (SAXParseException e) {
        if (problems.isEmpty()) problems.add(e.getMessage());
      }
      System.out.println(problems.isEmpty() ? "ok" : String.join(" | ", problems).replace('\n', ' '));
    }
  }
}
