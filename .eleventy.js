// Eleventy's configuration: it only registers the edition plugin. The build (src/pipeline/) runs Eleventy once
// per job, with an edition's edition/pages/ as the input folder, under tsx because the plugin is TypeScript.
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
