// The benchmark's baseline: a plain Eleventy project with no plugins, which renders the same transcripts with
// Eleventy's defaults (markdown-it, Liquid) into one simple layout. The benchmark copies this file, _includes/
// and the edition's content/ into a folder of their own and runs Eleventy's CLI there, then Pagefind's CLI.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "message.liquid");
  // The search page a plain site would have: Pagefind's Default UI as its docs show it, so that the benchmark can
  // measure what a first search transfers on a site with no more than that.
  eleventyConfig.addTemplate(
    "search.html",
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Search</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/pagefind/pagefind-ui.css"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><main><h1>Search</h1><div id="search"></div></main>
<script>
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", showSubResults: true });
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
});
</script>
</body>
</html>
`,
    { layout: false, permalink: "/search/index.html" },
  );
}

export const config = {
  dir: { input: "content", includes: "../_includes", output: "_site" },
};
