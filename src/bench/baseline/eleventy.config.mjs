// The benchmark's baseline: a plain Eleventy project with no plugins, which renders the same transcripts with
// Eleventy's defaults (markdown-it, Liquid) into one simple layout. The benchmark copies this file, _includes/
// and the edition's content/ into a folder of their own and runs Eleventy's CLI there, then Pagefind's CLI.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "message.liquid");
}

export const config = {
  dir: { input: "content", includes: "../_includes", output: "_site" },
};
