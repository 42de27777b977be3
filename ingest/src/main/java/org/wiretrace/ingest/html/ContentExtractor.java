package org.wiretrace.ingest.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.wiretrace.ingest.html.TextBlocks.Block;

/**
 * Finds the article body among a page's {@link TextBlocks}: scores each block's ancestors by the
 * prose it holds, picks the best container, widens it to sibling containers that hold prose too,
 * and keeps the container's blocks that are not link lists or boilerplate lines.
 *
 * <p>The container scoring follows Arc90/Mozilla Readability (paragraph score {@code 1 + commas +
 * min(length/100, 3)} given to the parent in full, the grandparent in half and further ancestors in
 * {@code 1/(3·level)}, weighted by the container's tag and class and by {@code 1 - link density});
 * the block filtering follows the link-density and length features of Kohlschütter, Fankhauser and
 * Nejdl, "Boilerplate Detection using Shallow Text Features" (WSDM 2010).
 *
 * <p>Stateless and thread-safe.
 */
public final class ContentExtractor {

  /** Blocks shorter than this (chars) give no score to their ancestors. */
  public static final int MIN_SCORING_CHARS = 25;

  /** Blocks with more of their text in links than this are navigation, not prose. */
  public static final double MAX_LINK_DENSITY = 0.5;

  /** Loose text in a div shorter than this (chars) and not ending a sentence is a label. */
  public static final int MAX_LABEL_CHARS = 90;

  /** Lists whose link density exceeds this are link lists (related articles, tags). */
  public static final double MAX_LIST_LINK_DENSITY = 0.3;

  /** Class or id substrings of content containers (Readability's "positive" pattern). */
  private static final String[] POSITIVE = {
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"
  };

  /**
   * Class or id substrings of page furniture (Readability's "negative" pattern); the word {@code
   * hid} counts only as a whole word.
   */
  private static final String[] NEGATIVE = {
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "caption",
    "credit",
    "byline",
    "author"
  };

  /** Short lines that are page furniture even inside the article container. */
  private static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?i)(advertisement|advertising|sponsored( content)?|ad|share( this)?( article| story"
              + "| post)?( on \\w+)?|read more|continue reading|read next|leave a (comment|reply)"
              + "|comments?|\\d+ comments?|related( articles| stories| posts| content)?"
              + "|tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit"
              + "|see also|more from .{0,40}|you may also like|recommended( for you)?"
              + "|sign up.{0,80}|subscribe.{0,80}|follow us.{0,60}|click here.{0,60}"
              + "|photo: .{0,80}|image: .{0,80}|getty images|ap photo.{0,60}|reuters|afp"
              + "|skip to (main )?content|back to top|loading\\.*|close|menu|search"
              + "|trending( now)?|don'?t miss|must read|disclaimer|you may also like\\W*"
              + "|(by|von|par|por) [\\p{Lu}][\\p{L}.' -]{1,60}(,? [-–|] .{0,60})?"
              + "|(updated|published|posted|last modified)( at| on)?:? .{0,60})[.:!]?");

  /** Phrases of legal and site small print: copyright, terms, registration notices. */
  private static final String[] SMALL_PRINT = {
    "all rights reserved",
    "terms of use",
    "terms of service",
    "privacy policy",
    "user agreement",
    "cookie policy",
    "community rules",
    "community guidelines"
  };

  private ContentExtractor() {}

  /** Per-element sums over the blocks below it. */
  private static final class Stats {
    double score;
    int chars;
    int linkChars;
    boolean scored;

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** The main text of {@code body}: blocks separated by blank lines. */
  public static String extract(Element body) {
    List<Block> blocks = TextBlocks.of(body);
    if (blocks.isEmpty()) {
      return "";
    }
    Map<Element, Stats> stats = new IdentityHashMap<>();
    for (Block b : blocks) {
      for (Element e = b.owner(); e != null; e = e.parent()) {
        Stats s = stats.computeIfAbsent(e, k -> new Stats());
        s.chars += b.chars();
        s.linkChars += b.linkChars();
        if (e == body) {
          break;
        }
      }
    }
    for (Block b : blocks) {
      if (b.chars() < MIN_SCORING_CHARS || b.heading()) {
        continue;
      }
      double score = 1 + b.commas() + Math.min(b.chars() / 100.0, 3.0);
      if (b.owner().normalName().equals("li")) {
        score /= 2;
      }
      Element e = b.owner().parent();
      for (int level = 1; e != null && level <= 5; level++, e = e.parent()) {
        Stats s = stats.get(e);
        if (s == null) {
          break;
        }
        if (!s.scored) {
          s.scored = true;
          s.score += initialScore(e);
        }
        s.score += level == 1 ? score : level == 2 ? score / 2 : score / (level * 3.0);
        if (e == body) {
          break;
        }
      }
    }
    Element top = null;
    double topScore = 0;
    List<Element> candidates = new ArrayList<>();
    for (Map.Entry<Element, Stats> en : stats.entrySet()) {
      Stats s = en.getValue();
      if (!s.scored) {
        continue;
      }
      s.score *= 1 - s.linkDensity();
      candidates.add(en.getKey());
      if (s.score > topScore) {
        topScore = s.score;
        top = en.getKey();
      }
    }
    if (top == null) {
      return join(fallback(blocks));
    }
    top = promote(top, stats, candidates, body);
    List<Element> chosen = withSiblings(top, stats);
    Map<Element, Boolean> inside = new IdentityHashMap<>();
    chosen.forEach(c -> inside.put(c, Boolean.TRUE));
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      Element container = containerOf(b.owner(), inside, body);
      if (container == null || !keep(b, container, stats)) {
        continue;
      }
      out.add(b.text());
    }
    return join(out);
  }

  /**
   * All blocks of {@code root} that are not link lists, one paragraph each: for HTML fragments
   * (feed items) that are the article already and need no container search.
   */
  public static String paragraphs(Element root) {
    List<String> out = new ArrayList<>();
    for (Block b : TextBlocks.of(root)) {
      if (b.linkDensity() <= MAX_LINK_DENSITY || b.chars() > 200) {
        out.add(b.text());
      }
    }
    return join(out);
  }

  private static Element containerOf(Element owner, Map<Element, Boolean> inside, Element body) {
    for (Element e = owner; e != null; e = e.parent()) {
      if (inside.containsKey(e)) {
        return e;
      }
      if (e == body) {
        return null;
      }
    }
    return null;
  }

  private static boolean keep(Block b, Element container, Map<Element, Stats> stats) {
    if (b.linkDensity() > MAX_LINK_DENSITY) {
      return false;
    }
    String tag = b.owner().normalName();
    if (tag.equals("h1")) {
      return false;
    }
    for (Element e = b.owner(); e != null && e != container; e = e.parent()) {
      String t = e.normalName();
      if (t.equals("ul") || t.equals("ol") || t.equals("dl") || t.equals("table")) {
        Stats s = stats.get(e);
        if (s != null && s.linkDensity() > MAX_LIST_LINK_DENSITY) {
          return false;
        }
      }
    }
    if (tag.equals("div") && b.chars() < MAX_LABEL_CHARS && isLabel(b.text())) {
      // prose sits in paragraphs; a short loose phrase in a div is a caption, credit or label
      return false;
    }
    if (b.chars() <= 300 && isSmallPrint(b.text())) {
      return false;
    }
    return b.chars() > 120 || !BOILERPLATE_LINE.matcher(b.text()).matches();
  }

  private static List<String> fallback(List<Block> blocks) {
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.chars() >= 40 && b.linkDensity() <= MAX_LINK_DENSITY) {
        out.add(b.text());
      }
    }
    return out;
  }

  private static String join(List<String> parts) {
    return String.join("\n\n", parts);
  }

  /** Readability's candidate refinements: shared ancestors of strong candidates, lone children. */
  private static Element promote(
      Element top, Map<Element, Stats> stats, List<Element> candidates, Element body) {
    double topScore = stats.get(top).score;
    List<Element> strong = new ArrayList<>();
    candidates.sort((a, b) -> Double.compare(stats.get(b).score, stats.get(a).score));
    for (int i = 0; i < Math.min(5, candidates.size()); i++) {
      Element c = candidates.get(i);
      if (c != top && stats.get(c).score >= 0.75 * topScore) {
        strong.add(c);
      }
    }
    if (strong.size() >= 2) {
      for (Element p = top.parent(); p != null && p != body.parent(); p = p.parent()) {
        int holds = 0;
        for (Element c : strong) {
          if (isAncestor(p, c)) {
            holds++;
          }
        }
        if (holds >= 2) {
          top = p;
          break;
        }
      }
    }
    double last = stats.get(top) == null ? topScore : stats.get(top).score;
    double threshold = last / 3;
    for (Element p = top.parent(); p != null && p != body && p != body.parent(); p = p.parent()) {
      Stats s = stats.get(p);
      if (s == null || !s.scored) {
        continue;
      }
      if (s.score < threshold) {
        break;
      }
      if (s.score > last) {
        top = p;
        break;
      }
      last = s.score;
    }
    while (top != body && top.parent() != null && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static boolean isAncestor(Element a, Element d) {
    for (Element e = d; e != null; e = e.parent()) {
      if (e == a) {
        return true;
      }
    }
    return false;
  }

  /** The top candidate and those siblings that hold prose too (Readability's sibling step). */
  private static List<Element> withSiblings(Element top, Map<Element, Stats> stats) {
    List<Element> chosen = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null) {
      chosen.add(top);
      return chosen;
    }
    double topScore = stats.get(top) == null ? 0 : stats.get(top).score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    for (Element sib : parent.children()) {
      if (sib == top) {
        chosen.add(sib);
        continue;
      }
      Stats s = stats.get(sib);
      if (s == null) {
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
      if (s.scored && s.score + bonus >= threshold) {
        chosen.add(sib);
      } else if (sib.normalName().equals("p")) {
        double ld = s.linkDensity();
        if (s.chars > 80 && ld < 0.25) {
          chosen.add(sib);
        } else if (s.chars > 0 && ld == 0 && endsSentence(sib.text())) {
          chosen.add(sib);
        }
      }
    }
    return chosen;
  }

  /** A short phrase of several words that does not end like a sentence or introduce one. */
  private static boolean isLabel(String t) {
    return t.indexOf(' ') > 0 && !endsSentence(t) && !t.endsWith(":");
  }

  private static boolean endsSentence(String t) {
    String s = t.strip();
    return !s.isEmpty() && ".!?。！？\"”".indexOf(s.charAt(s.length() - 1)) >= 0;
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWeight(e);
  }

  private static double classWeight(Element e) {
    double w = 0;
    for (String key : new String[] {e.className(), e.id()}) {
      if (key.isEmpty()) {
        continue;
      }
      String k = key.toLowerCase(Locale.ROOT);
      if (containsAny(k, NEGATIVE) || hasWord(k, "hid")) {
        w -= 25;
      }
      if (containsAny(k, POSITIVE)) {
        w += 25;
      }
    }
    return w;
  }

  /**
   * A line of legal or site small print: a copyright sign or notice with a year, or one of the
   * {@link #SMALL_PRINT} phrases.
   */
  static boolean isSmallPrint(String text) {
    if (text.indexOf('\u00a9') >= 0) {
      return true;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return containsAny(t, SMALL_PRINT)
        || followedByYear(t, "(c) ")
        || followedByYear(t, "copyright ");
  }

  private static boolean followedByYear(String t, String prefix) {
    for (int i = t.indexOf(prefix); i >= 0; i = t.indexOf(prefix, i + 1)) {
      int y = i + prefix.length();
      if (y + 4 <= t.length()
          && isDigit(t.charAt(y))
          && isDigit(t.charAt(y + 1))
          && isDigit(t.charAt(y + 2))
          && isDigit(t.charAt(y + 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean containsAny(String s, String[] parts) {
    for (String p : parts) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code word} occurs in {@code s} delimited by spaces or the ends. */
  private static boolean hasWord(String s, String word) {
    for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
      int end = i + word.length();
      if ((i == 0 || s.charAt(i - 1) == ' ') && (end == s.length() || s.charAt(end) == ' ')) {
        return true;
      }
    }
    return false;
  }
}
