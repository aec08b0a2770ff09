using System.Diagnostics;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Tests.Components;

/// <summary>The form tag helpers rendered as a page would render them, with and without ModelState errors.</summary>
public sealed class FormComponentTests
{
    private static readonly ServiceProvider Services = CreateServices();

    private readonly IHtmlGenerator generator = Services.GetRequiredService<IHtmlGenerator>();
    private readonly IModelMetadataProvider metadata = Services.GetRequiredService<IModelMetadataProvider>();
    private readonly ViewContext viewContext = new()
    {
        HttpContext = new DefaultHttpContext { RequestServices = Services },
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
    };

    private static readonly SelectListItem[] Sectors = [new("Public", "Public"), new("Private", "Private"), new("Third sector", "Third")];

    [Fact]
    public void Input_WithError_ShowsTheErrorAndWhatWasTyped()
    {
        viewContext.ViewData.ModelState.SetModelValue("Input.Income", "lots", "lots");
        viewContext.ViewData.ModelState.AddModelError("Input.Income", "Enter the income as a number, like 25000");

        var group = Render(new NhsInputTagHelper(generator) { For = Field("Input.Income", 1200m), Label = "Income", Hint = "In pounds", Width = "10" });

        Assert.Equal("nhsuk-form-group nhsuk-form-group--error", group.ClassName);
        Assert.Equal("Input_Income", group.QuerySelector("label.nhsuk-label")?.GetAttribute("for"));
        Assert.Equal("In pounds", group.QuerySelector("div.nhsuk-hint#Input_Income-hint")?.TextContent);
        var error = group.QuerySelector("span.nhsuk-error-message#Input_Income-error")!;
        Assert.Equal("Error:", error.QuerySelector("span.nhsuk-u-visually-hidden")?.TextContent);
        Assert.Equal("Error: Enter the income as a number, like 25000", error.TextContent);
        var input = group.QuerySelector("input")!;
        Assert.Equal(["nhsuk-input", "nhsuk-input--error", "nhsuk-input--width-10"], input.ClassList.Order());
        Assert.Equal("Input_Income", input.Id);
        Assert.Equal("Input.Income", input.GetAttribute("name"));
        Assert.Equal("Input_Income-hint Input_Income-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("lots", input.GetAttribute("value"));
    }

    [Fact]
    public void Input_WithoutError_ShowsTheModelValue()
    {
        var group = Render(new NhsInputTagHelper(generator) { For = Field("Input.Name", "Bow Food Bank"), Label = "Name", Type = "email", Autocomplete = "email" });

        Assert.Equal("nhsuk-form-group", group.ClassName);
        Assert.Null(group.QuerySelector(".nhsuk-error-message"));
        var input = group.QuerySelector("input")!;
        Assert.Equal("nhsuk-input", input.ClassName);
        Assert.Equal("Bow Food Bank", input.GetAttribute("value"));
        Assert.Equal("email", input.GetAttribute("type"));
        Assert.Equal("email", input.GetAttribute("autocomplete"));
        Assert.False(input.HasAttribute("aria-describedby"));
    }

    [Fact]
    public void Radios_WithError_DescribeTheFieldsetAndKeepTheChoice()
    {
        viewContext.ViewData.ModelState.SetModelValue("Input.Sector", "Private", "Private");
        viewContext.ViewData.ModelState.AddModelError("Input.Sector", "Select the sector");

        var group = Render(new NhsRadiosTagHelper(generator) { For = Field("Input.Sector", "Public"), Legend = "Sector", Hint = "Choose one", Items = Sectors, Inline = true });

        Assert.Contains("nhsuk-form-group--error", group.ClassList);
        var fieldset = group.QuerySelector("fieldset.nhsuk-fieldset")!;
        Assert.Equal("Input_Sector-hint Input_Sector-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("Sector", fieldset.QuerySelector("legend.nhsuk-fieldset__legend")?.TextContent);
        Assert.Equal("Error: Select the sector", fieldset.QuerySelector("#Input_Sector-error")?.TextContent);
        Assert.Equal("nhsuk-radios nhsuk-radios--inline", fieldset.QuerySelector("div[data-module=nhsuk-radios]")?.ClassName);
        var radios = fieldset.QuerySelectorAll("input.nhsuk-radios__input[type=radio]");
        Assert.Equal(["Input_Sector", "Input_Sector-2", "Input_Sector-3"], radios.Select(r => r.Id));
        Assert.All(radios, r => Assert.Equal("Input.Sector", r.GetAttribute("name")));
        Assert.Equal(["Private"], radios.Where(r => r.HasAttribute("checked")).Select(r => r.GetAttribute("value")));
        Assert.Equal("Input_Sector-2", fieldset.QuerySelectorAll("label.nhsuk-radios__label")[1].GetAttribute("for"));
    }

    [Fact]
    public void Checkboxes_ForAList_CheckWhatTheListHolds()
    {
        var group = Render(new NhsCheckboxesTagHelper(generator) { For = Field("Input.Sectors", new List<string> { "Public", "Third" }), Legend = "Sectors", Items = Sectors });

        var boxes = group.QuerySelectorAll("input.nhsuk-checkboxes__input[type=checkbox]");
        Assert.All(boxes, b => Assert.Equal("Input.Sectors", b.GetAttribute("name")));
        Assert.Equal(["Public", "Private", "Third"], boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal(["Public", "Third"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
        Assert.False(group.QuerySelector("fieldset")!.HasAttribute("aria-describedby"));
    }

    [Fact]
    public void Checkboxes_WithError_KeepWhatWasTicked()
    {
        viewContext.ViewData.ModelState.SetModelValue("Input.Sectors", new[] { "Private", "Third" }, "Private,Third");
        viewContext.ViewData.ModelState.AddModelError("Input.Sectors", "Select no more than one sector");

        var group = Render(new NhsCheckboxesTagHelper(generator) { For = Field("Input.Sectors", new List<string>()), Legend = "Sectors", Items = Sectors });

        Assert.Contains("nhsuk-form-group--error", group.ClassList);
        Assert.Equal("Input_Sectors-error", group.QuerySelector("fieldset")?.GetAttribute("aria-describedby"));
        Assert.Equal(
            ["Private", "Third"],
            group.QuerySelectorAll("input[checked]").Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public void ErrorSummary_WithErrors_LinksEachFieldErrorToItsInput()
    {
        viewContext.ViewData.ModelState.AddModelError("Input.Name", "Enter a name");
        viewContext.ViewData.ModelState.AddModelError("Input.Sectors", "Select a sector");
        viewContext.ViewData.ModelState.AddModelError("", "The organisation was changed by someone else");

        var summary = Render(new NhsErrorSummaryTagHelper(generator) { ViewContext = viewContext });

        Assert.Equal("nhsuk-error-summary", summary.ClassName);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("There is a problem", summary.QuerySelector("[role=alert] h2.nhsuk-error-summary__heading")?.TextContent);
        var items = summary.QuerySelectorAll("ul.nhsuk-error-summary__list > li");
        Assert.Equal("The organisation was changed by someone else", items[0].TextContent);
        Assert.Null(items[0].QuerySelector("a"));
        var links = summary.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("#Input_Name", links["Enter a name"]);
        Assert.Equal("#Input_Sectors", links["Select a sector"]);
    }

    [Fact]
    public void ErrorSummary_WithoutErrors_RendersNothing()
    {
        Assert.Equal("", RenderHtml(new NhsErrorSummaryTagHelper(generator) { ViewContext = viewContext }));
    }

    [Fact]
    public void Pagination_OnAMiddlePage_ShowsNeighboursAndGaps()
    {
        var nav = Render(new NhsPaginationTagHelper { Page = 5, TotalPages = 12, HrefFormat = "/organisations?page={0}" });

        Assert.Equal("/organisations?page=4", nav.QuerySelector("a.nhsuk-pagination__previous")?.GetAttribute("href"));
        Assert.Equal("/organisations?page=6", nav.QuerySelector("a.nhsuk-pagination__next")?.GetAttribute("href"));
        Assert.Equal(
            ["1", "…", "4", "5", "6", "…", "12"],
            nav.QuerySelectorAll(".nhsuk-pagination__item").Select(i => i.TextContent.Trim().Replace("\u22ef", "…", StringComparison.Ordinal)));
        Assert.Equal("page", nav.QuerySelector(".nhsuk-pagination__item--current a")?.GetAttribute("aria-current"));
        Assert.Equal("", RenderHtml(new NhsPaginationTagHelper { Page = 1, TotalPages = 1 }));
    }

    private static ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        var diagnostics = new DiagnosticListener("Commonweal.Tests");
        services.AddSingleton(diagnostics).AddSingleton<DiagnosticSource>(diagnostics);
        services.AddLogging().AddRazorPages();
        return services.BuildServiceProvider();
    }

    private ModelExpression Field(string name, object? value) =>
        new(name, metadata.GetModelExplorerForType(value?.GetType() ?? typeof(string), value));

    private IElement Render(TagHelper tagHelper)
    {
        var html = RenderHtml(tagHelper);
        return new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.FirstElementChild
            ?? throw new InvalidOperationException($"Nothing rendered: {html}");
    }

    private string RenderHtml(TagHelper tagHelper)
    {
        if (tagHelper is NhsFieldTagHelper field)
        {
            field.ViewContext = viewContext;
        }

        var context = new TagHelperContext("nhs-test", [], new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("nhs-test", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        tagHelper.ProcessAsync(context, output).GetAwaiter().GetResult();
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
