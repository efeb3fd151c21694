// Eleventy's configuration: it only registers the edition plugin and says where things are. The plugin is
// TypeScript, so Eleventy runs under tsx (see the npm scripts).
import eleventyPluginEdition from "./src/site/eleventy-plugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(eleventyPluginEdition, { root: "." });
}

export const config = {
  dir: { input: "edition/pages", includes: "_includes", output: "_site" },
  templateFormats: ["md", "11ty.js"],
  // Editorial Markdown is rendered by unified only: never run through Liquid or Nunjucks first.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
