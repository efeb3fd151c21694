// Eleventy's configuration: it only registers the edition plugin. The input folder (an edition's edition/pages/)
// and the output folder are given by our CLI (src/cli/), which runs Eleventy under tsx because the plugin is
// TypeScript.
import eleventyPluginEdition from "./src/site/eleventy-plugin.ts";

export default function (eleventyConfig) {
  // A sharded build (`npm run build -- --shard 2/8`) writes one slice of the edition: see src/site/shards.ts.
  eleventyConfig.addPlugin(eleventyPluginEdition, { shard: process.env.EDITION_SHARD });
}

export const config = {
  templateFormats: ["md", "11ty.js"],
  // Editorial Markdown is rendered by unified only: never run through Liquid or Nunjucks first.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
