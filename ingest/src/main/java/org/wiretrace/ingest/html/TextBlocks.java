package org.wiretrace.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Linearises a page body into text blocks: each block is the run of inline text between two
 * block-level boundaries, with the element it sits in, its length and how much of it is link text.
 * Page furniture (scripts, navigation, forms, hidden elements, elements whose class or id names
 * boilerplate such as share bars or cookie notices) is not entered at all.
 *
 * <p>The traversal is iterative ({@link NodeTraversor}), so deeply nested pages cannot overflow the
 * stack. Stateless and thread-safe; each call builds its own list.
 */
public final class TextBlocks {

  /** Elements whose whole subtree is never article text. */
  static final Set<String> SKIP_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "math",
          "iframe",
          "object",
          "embed",
          "canvas",
          "video",
          "audio",
          "picture",
          "select",
          "option",
          "button",
          "input",
          "textarea",
          "label",
          "nav",
          "aside",
          "footer",
          "header",
          "figure",
          "figcaption",
          "dialog",
          "menu",
          "head",
          "title",
          "meta",
          "link");

  /** Elements that start and end a block. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "blockquote",
          "center",
          "dd",
          "details",
          "div",
          "dl",
          "dt",
          "fieldset",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "li",
          "main",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "td",
          "th",
          "tr",
          "ul",
          "body",
          "caption",
          "hgroup",
          "html");

  /**
   * Class or id words of page furniture (after Readability's "unlikely candidates", extended with
   * share bars, newsletters, cookie notices and recirculation widgets). Words are the runs of
   * letters and digits of the lower-cased class and id; a hyphenated pair ({@code sign-up}) counts
   * as one word too.
   */
  static final Set<String> UNLIKELY_WORDS =
      Set.of(
          "ad",
          "ads",
          "ad-break",
          "ad-slot",
          "adsense",
          "ai2html",
          "banner",
          "breadcrumb",
          "breadcrumbs",
          "combx",
          "comment",
          "comments",
          "commentlist",
          "community",
          "cover-wrap",
          "disqus",
          "extra",
          "gdpr",
          "cookie",
          "cookies",
          "consent",
          "legends",
          "menu",
          "related",
          "remark",
          "replies",
          "rss",
          "shoutbox",
          "sidebar",
          "skyscraper",
          "social",
          "supplemental",
          "agegate",
          "pagination",
          "pager",
          "popup",
          "modal",
          "newsletter",
          "subscribe",
          "subscription",
          "signup",
          "sign-up",
          "share",
          "sharing",
          "sharebar",
          "outbrain",
          "taboola",
          "most-popular",
          "mostpopular",
          "trending",
          "promo",
          "caption",
          "visually-hidden",
          "sr-only",
          "screen-reader",
          "print-only",
          "toolbar",
          "masthead",
          "author-bio",
          "tags",
          "byline",
          "dateline",
          "timestamp",
          "read-more",
          "readmore",
          "jump-link");

  /** Word prefixes of page furniture ({@code advertisement}, {@code sponsored}, {@code recirc}). */
  private static final String[] UNLIKELY_PREFIXES = {"advert", "sponsor", "recirc"};

  /** Word prefixes that keep an element even when it has an unlikely word. */
  private static final String[] MAYBE_PREFIXES = {
    "article", "body", "column", "content", "main", "story", "entry"
  };

  /** Hyphenated pairs that keep an element even when it has an unlikely word. */
  private static final Set<String> MAYBE_PAIRS = Set.of("post-text", "text-block");

  /** True when the lower-cased class-and-id {@code key} names page furniture. */
  static boolean unlikely(String key) {
    boolean unlikely = false;
    String prev = null;
    int n = key.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(key.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(key.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String w = key.substring(start, i);
      String pair =
          prev != null && start > 0 && key.charAt(start - 1) == '-' ? prev + "-" + w : null;
      for (String m : MAYBE_PREFIXES) {
        if (w.startsWith(m)) {
          return false;
        }
      }
      if (pair != null && MAYBE_PAIRS.contains(pair)) {
        return false;
      }
      if (!unlikely) {
        unlikely = UNLIKELY_WORDS.contains(w) || pair != null && UNLIKELY_WORDS.contains(pair);
        for (int k = 0; !unlikely && k < UNLIKELY_PREFIXES.length; k++) {
          unlikely = w.startsWith(UNLIKELY_PREFIXES[k]);
        }
      }
      prev = w;
    }
    return unlikely;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f && Character.isLetterOrDigit(c);
  }

  private TextBlocks() {}

  /** One block of inline text. */
  public record Block(Element owner, String text, int linkChars, int commas) {
    /** Length of the text in chars. */
    public int chars() {
      return text.length();
    }

    /** Fraction of the text inside links. */
    public double linkDensity() {
      return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }

    /** True when the block is a heading. */
    public boolean heading() {
      String t = owner.normalName();
      return t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6';
    }
  }

  /** The blocks of {@code root} in document order. */
  public static List<Block> of(Element root) {
    Collector c = new Collector(root);
    NodeTraversor.filter(c, root);
    c.flush();
    return c.blocks;
  }

  /**
   * True when an element is page furniture by tag, visibility or class/id. An element whose class
   * or id names furniture but holds more than {@link #MAX_FURNITURE_SHARE} of the page's text is a
   * page wrapper named carelessly, and stays.
   */
  static boolean isFurniture(Element e, int pageChars) {
    String tag = e.normalName();
    if (SKIP_TAGS.contains(tag)) {
      return true;
    }
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String s = style.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return true;
      }
    }
    if ("true".equals(e.attr("aria-hidden")) && !tag.equals("p")) {
      return true;
    }
    String role = e.attr("role");
    if (role.equals("navigation")
        || role.equals("complementary")
        || role.equals("banner")
        || role.equals("contentinfo")
        || role.equals("dialog")
        || role.equals("menu")
        || role.equals("alert")) {
      return true;
    }
    if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) {
      return false;
    }
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    String key = (cls + " " + id).toLowerCase(java.util.Locale.ROOT);
    return unlikely(key) && textLength(e) <= MAX_FURNITURE_SHARE * pageChars;
  }

  /** Share of the page's text above which a furniture-named element is kept. */
  public static final double MAX_FURNITURE_SHARE = 0.5;

  /** Characters of text below {@code root}, without building the text. */
  static int textLength(Element root) {
    int[] n = new int[1];
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            n[0] += t.getWholeText().length();
          }
        },
        root);
    return n[0];
  }

  private static final class Collector implements NodeFilter {
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Element root;
    private Element owner;
    private int linkDepth;
    private int linkChars;

    private final int pageChars;

    Collector(Element root) {
      this.root = root;
      this.owner = root;
      this.pageChars = textLength(root);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        append(t.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (e != root && isFurniture(e, pageChars)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String tag = e.normalName();
      if (BLOCK_TAGS.contains(tag)) {
        flush();
        owner = e;
      } else if (tag.equals("br")) {
        trimEnd();
        text.append('\n');
      } else if (tag.equals("a")) {
        linkDepth++;
      } else if (tag.equals("img")) {
        return FilterResult.SKIP_ENTIRELY;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (BLOCK_TAGS.contains(tag)) {
          flush();
          Element p = e.parent();
          owner = p == null ? root : p;
          while (owner != root && !BLOCK_TAGS.contains(owner.normalName())) {
            owner = owner.parent() == null ? root : owner.parent();
          }
        } else if (tag.equals("a")) {
          linkDepth = Math.max(0, linkDepth - 1);
        }
      }
      return FilterResult.CONTINUE;
    }

    private void append(String s) {
      int before = text.length();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0') {
          int n = text.length();
          if (n > 0 && text.charAt(n - 1) != ' ' && text.charAt(n - 1) != '\n') {
            text.append(' ');
          }
        } else if (c != '\u200b' && c != '\u00ad') {
          text.append(c);
        }
      }
      if (linkDepth > 0) {
        linkChars += text.length() - before;
      }
    }

    private void trimEnd() {
      int n = text.length();
      while (n > 0 && text.charAt(n - 1) == ' ') {
        n--;
      }
      text.setLength(n);
    }

    void flush() {
      String s = text.toString().strip();
      if (!s.isEmpty()) {
        int commas = 0;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == ',' || c == '，' || c == '、' || c == '،') {
            commas++;
          }
        }
        blocks.add(new Block(owner, s, Math.min(linkChars, s.length()), commas));
      }
      text.setLength(0);
      linkChars = 0;
    }
  }
}
