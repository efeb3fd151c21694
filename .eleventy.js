// Eleventy's configuration: it only registers the edition plugin. The input folder (an edition's edition/pages/)
// and the output folder are given by our CLI (src/cli/), which runs Eleventy under tsx because the plugin is
// TypeScript.
import eleventyPluginEdition from "./src/site/eleventy-plugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(eleventyPluginEdition);
}

export const config = {
  templateFormats: ["md", "11ty.js"],
  // Editorial Markdown is rendered by unified only: never run through Liquid or Nunjucks first.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
