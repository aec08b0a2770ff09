using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Components;

public sealed partial class LayoutComponentTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    [Theory]
    [InlineData("/error", HttpStatusCode.OK, "Sorry, there is a problem with the service")]
    [InlineData("/status/404", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/status/403", HttpStatusCode.Forbidden, "You do not have permission to see this page")]
    [InlineData("/accessibility", HttpStatusCode.OK, "Accessibility statement")]
    public async Task Get_PageAnonymously_HasTheNhsLayout(string url, HttpStatusCode status, string heading)
    {
        var response = await factory.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"{heading} - Commonweal", page.Title);
        Assert.Equal(heading, page.QuerySelector("main#maincontent h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".nhsuk-width-container > main#maincontent.nhsuk-main-wrapper"));
        var skip = page.QuerySelector("a.nhsuk-skip-link");
        Assert.Equal("#maincontent", skip?.GetAttribute("href"));
        Assert.Same(page.Body!.QuerySelector("a"), skip);
        var service = page.QuerySelector("header.nhsuk-header a.nhsuk-header__service-logo");
        Assert.Equal("/", service?.GetAttribute("href"));
        Assert.Equal("Commonweal", service?.QuerySelector(".nhsuk-header__service-name")?.TextContent.Trim());
        Assert.Equal(["Find services", "Opportunities", "Organisations"], Texts(page, ".nhsuk-header__navigation-link:not(.nhsuk-header__menu-toggle)"));
        Assert.Equal(["Sign in", "Register an organisation"], Texts(page, ".nhsuk-header__account-link"));
        Assert.Null(page.QuerySelector(".nhsuk-header__account-form"));
        var footer = page.QuerySelector("footer.nhsuk-footer")!;
        Assert.Equal(
            ["/api/reference", "/openapi/v1.json", "/accessibility"],
            footer.QuerySelectorAll("a.nhsuk-footer__list-item-link").Select(a => a.GetAttribute("href")!));
        Assert.Contains("Commonweal, open source", footer.TextContent);
    }

    [Fact]
    public async Task Get_Stylesheets_AreServedWithEveryAssetTheyReference()
    {
        var client = factory.CreateClient();
        var page = await Forms.ParseAsync(await client.GetAsync("/accessibility", TestContext.Current.CancellationToken));
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => new Uri(new Uri(page.Url), l.GetAttribute("href")!)).ToList();

        Assert.Contains(stylesheets, s => s.AbsolutePath == "/lib/nhsuk-frontend/nhsuk-frontend.min.css");
        foreach (var stylesheet in stylesheets)
        {
            var response = await client.GetAsync(stylesheet, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var urls = CssUrl().Matches(css).Select(m => m.Groups[1].Value).Distinct().ToList();
            // The site makes no requests to other sites (the NHS font is stripped when vendoring).
            Assert.DoesNotContain(urls, u => u.StartsWith("http", StringComparison.Ordinal) || u.StartsWith("//", StringComparison.Ordinal));
            foreach (var asset in urls.Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith('#')))
            {
                var assetResponse = await client.GetAsync(new Uri(stylesheet, asset), TestContext.Current.CancellationToken);
                Assert.True(assetResponse.IsSuccessStatusCode, $"{asset} referenced by {stylesheet} returned {(int)assetResponse.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Get_Scripts_AreServedAsModules()
    {
        var client = factory.CreateClient();
        var page = await Forms.ParseAsync(await client.GetAsync("/accessibility", TestContext.Current.CancellationToken));
        var script = page.QuerySelector("body > script[type=module][src]")?.GetAttribute("src");
        var library = page.QuerySelector("link[rel=modulepreload]")?.GetAttribute("href");

        Assert.NotNull(script);
        Assert.Equal("/lib/nhsuk-frontend/nhsuk-frontend.min.js", library);
        foreach (var url in new[] { script, library })
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
        }

        var startup = await client.GetStringAsync(script, TestContext.Current.CancellationToken);
        Assert.Contains("../lib/nhsuk-frontend/nhsuk-frontend.min.js", startup);
        Assert.Contains("js-enabled", page.Body!.QuerySelector("script:not([src])")?.TextContent);
    }

    private static string[] Texts(IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToArray();

    [GeneratedRegex(@"url\(['""]?([^'"")]+)['""]?\)")]
    private static partial Regex CssUrl();
}
