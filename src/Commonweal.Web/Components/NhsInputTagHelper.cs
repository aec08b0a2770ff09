using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// An NHS.UK text input: <c>&lt;nhs-input asp-for="Input.Name" label="Name" hint="..." type="email" width="20" autocomplete="email" /&gt;</c>.
/// </summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper(IHtmlGenerator generator) : NhsLabelledFieldTagHelper(generator)
{
    private static readonly HashSet<string> Types = ["text", "email", "password", "number", "tel", "url", "search"];
    private static readonly HashSet<string> Widths = ["2", "3", "4", "5", "10", "20", "30"];

    public string Type { get; set; } = "text";

    /// <summary>The width in characters (2, 3, 4, 5, 10, 20 or 30); full width when not given.</summary>
    public string? Width { get; set; }

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    public string? Inputmode { get; set; }

    protected override TagBuilder CreateControl()
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("nhsuk-input");
        if (Width is not null && Widths.Contains(Width))
        {
            input.AddCssClass("nhsuk-input--width-" + Width);
        }

        DescribeControl(input, "nhsuk-input--error");
        input.Attributes["type"] = Types.Contains(Type) ? Type : "text";
        // A password is never sent back to the browser, even when the form is shown again.
        if (Type != "password" && CurrentValue is { } value)
        {
            input.Attributes["value"] = value;
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (Spellcheck is not null)
        {
            input.Attributes["spellcheck"] = Spellcheck.Value ? "true" : "false";
        }

        if (Inputmode is not null)
        {
            input.Attributes["inputmode"] = Inputmode;
        }

        return input;
    }
}
