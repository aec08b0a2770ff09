using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Commonweal.TestSupport;

/// <summary>Pages as a person's browser sees them: fetch, read, fill in a form and submit it.</summary>
public static class Forms
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>
    /// Submits the form (the first one with a submit button unless a selector is given) with the
    /// page's own hidden fields, including the antiforgery token, plus the given values.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> values, string? formSelector = null)
    {
        var page = await client.GetDocumentAsync(url);
        var form = (formSelector is null
            ? page.QuerySelectorAll<IHtmlFormElement>("form").LastOrDefault(f => f.QuerySelector("button, input[type=submit]") is not null)
            : page.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"No form found on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (!values.ContainsKey(hidden.Name!))
            {
                fields.Add(new(hidden.Name!, hidden.Value));
            }
        }

        foreach (var (key, value) in values)
        {
            foreach (var part in value.Split('\u001f'))
            {
                fields.Add(new(key, part));
            }
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts straight to a URL with a valid antiforgery token taken from the home page, as a
    /// crafted request would: for proving that a refusal comes from authorisation, not the token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, IDictionary<string, string> values)
    {
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the home page");
        var fields = values.ToList();
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Joins several values for one field (checkboxes).</summary>
    public static string Many(params string[] values) => string.Join('\u001f', values);

    public static HttpClient CreateBrowserClient(this CommonwealFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    /// <summary>Signs in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this CommonwealFactory factory, string email, string password = Commonweal.Seed.DemoAccounts.Password)
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        var page = await ParseAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK && page.QuerySelector(".nhsuk-error-summary") is null,
            $"Sign-in as {email} failed: {page.QuerySelector(".nhsuk-error-summary")?.TextContent.Trim()}");
        return client;
    }

    public static string? ErrorSummary(this IDocument page) =>
        page.QuerySelector(".nhsuk-error-summary")?.TextContent.Trim();
}
