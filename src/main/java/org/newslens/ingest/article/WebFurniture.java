package org.newslens.ingest.article;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that web pages of news sites carry around an article but that are not part of it: comment forms,
 * social-media prompts, cross-links, newsletter and cookie notices, copyright lines. Each rule is a general
 * pattern over one whole line (case-insensitive, trimmed), documented by its name; none names a site.
 * Only lines of at most {@value #MAX_LINE_CHARS} characters are tested, so a paragraph that merely begins
 * with such words is never removed.
 */
public final class WebFurniture {
    static final int MAX_LINE_CHARS = 200;
    private static final String SEP = "\\s*[:\\-\\u2013\\u2014|>\u00bb]";
    private static final String SOCIAL = "(?:twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok"
            + "|whatsapp|threads|bluesky|mastodon|google news|social media)";

    /** One documented rule. */
    public record Rule(String name, String description, Pattern pattern) {
        boolean matches(String line) {
            return pattern.matcher(line).matches();
        }
    }

    private static Rule rule(String name, String description, String regex) {
        return new Rule(name, description, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The rules, in the order they are tried. */
    public static final List<Rule> RULES = List.of(
            rule(
                    "comment_form",
                    "comment-form headings and prompts: 'Leave a Reply', 'Leave a comment', "
                            + "'Post comment', '12 Comments', 'Comments'",
                    "(?:leave a (?:reply|comment|response).*|(?:post|submit|add) (?:a )?comment\\W*|\\d+ comments?\\W*"
                            + "|comments?\\W*|join the (?:conversation|discussion)\\W*)"),
            rule(
                    "comment_form_email",
                    "the e-mail notice under comment forms: 'Your email address will not be published'",
                    "your e-?mail(?: address)? will not be (?:published|shared).*"),
            rule("comment_form_required", "'Required fields are marked *'", "required fields are marked.*"),
            rule(
                    "social_follow",
                    "'Follow us on Twitter @...', 'Like us on Facebook', 'Join our Telegram channel'",
                    "(?:(?:please )?(?:follow|like|join|find|connect with) (?:us|our \\w+(?: \\w+)?) (?:on|at|via|in) "
                            + SOCIAL + "\\b.*|join our " + SOCIAL + " (?:channel|group|page|community)\\b.*)"),
            rule(
                    "social_share",
                    "share bars: 'Share this', 'Share on Facebook', 'Share this article', 'Tweet', 'Print'",
                    "(?:share(?: this(?: article| story| post| page)?| on " + SOCIAL + "| via .*)?"
                            + "|tweet|pin it|print(?: this)?(?: article)?|email this(?: article)?)\\W*"),
            rule(
                    "read_also",
                    "cross-links to other articles: 'READ ALSO: ...', 'Read more: ...', 'See also - ...', "
                            + "'Also read: ...', 'Don't miss: ...', 'Recommended: ...'",
                    "(?:read (?:also|more|next)|also read|see also|more from \\w+(?: \\w+)?|don'?t miss|must read"
                            + "|recommended(?: for you)?|you may also like|trending now|most read)" + SEP + ".*"),
            rule(
                    "read_more_link",
                    "a bare continuation link: 'Read more', 'Continue reading', 'Read the full story'",
                    "(?:read more|continue reading|read the full (?:story|article)|click to read more)\\W*"),
            rule(
                    "related",
                    "related-content headings: 'Related:', 'Related articles', 'Related stories: ...'",
                    "related(?: (?:articles?|stories|news|posts|coverage|content|reading|topics))?\\s*(?:" + SEP
                            + ".*)?"),
            rule(
                    "subscribe",
                    "subscription prompts: 'Subscribe to our newsletter', 'Sign up for our newsletter'",
                    "(?:subscribe\\b.*|sign up (?:for|to) (?:our|the) .*newsletter.*|get (?:our|the) .*newsletter.*)"),
            rule("click_here", "calls to action: 'Click here to ...'", "click here\\b.*"),
            rule(
                    "cookie_notice",
                    "cookie banners: 'We use cookies ...', 'This site uses cookies', 'Accept all cookies'",
                    "(?:.*\\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\\b.*|(?:accept|reject|manage)"
                            + " (?:all )?cookies\\W*|cookie (?:policy|settings)\\W*)"),
            rule(
                    "copyright",
                    "copyright lines: '(c) 2024 ...', 'Copyright 2024 ...', '... All rights reserved.'",
                    "(?:(?:\u00a9|\\(c\\)|copyright\\s*(?:\u00a9|\\(c\\)|\\d{4})).*|.*\\ball rights reserved\\W*)"),
            rule(
                    "advertisement",
                    "ad slots and navigation: 'Advertisement', 'Sponsored content', 'Skip to content'",
                    "(?:advertisement|sponsored(?: content)?|promoted(?: content)?|skip to (?:main )?content"
                            + "|back to top)\\W*"),
            rule(
                    "tags",
                    "tag lists: 'Tags: ...', 'Filed under: ...', 'Topics: ...'",
                    "(?:tags?|filed under|topics)\\s*:.*"),
            rule(
                    "app_download",
                    "'Download our app ...', 'Get the app'",
                    "(?:download (?:our|the) .*app\\b.*|get the app\\W*)"));

    private WebFurniture() {}

    /** The first rule the trimmed line matches, or null when it is (as far as these rules know) article text. */
    public static Rule match(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LINE_CHARS) {
            return null;
        }
        for (Rule rule : RULES) {
            if (rule.matches(trimmed)) {
                return rule;
            }
        }
        return null;
    }

    public static boolean isFurniture(String line) {
        return match(line) != null;
    }
}
