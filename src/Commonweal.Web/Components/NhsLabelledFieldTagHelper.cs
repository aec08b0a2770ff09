using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>A field with one control and a label: input, textarea, select.</summary>
public abstract class NhsLabelledFieldTagHelper(IHtmlGenerator generator) : NhsFieldTagHelper(generator)
{
    public string Label { get; set; } = "";

    /// <summary>When the question is the whole page, its label is the page's heading.</summary>
    public bool LabelIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var control = CreateControl();
        control.Attributes["id"] = FieldId;
        control.Attributes["name"] = FieldName;

        var html = new HtmlContentBuilder();
        html.AppendHtml(CreateLabel());
        AppendHintAndError(html);
        html.AppendHtml(control);
        WriteFormGroup(output, html);
    }

    /// <summary>The control with its own classes and value; id, name and the label are added here.</summary>
    protected abstract TagBuilder CreateControl();

    private IHtmlContent CreateLabel()
    {
        var label = new TagBuilder("label");
        label.AddCssClass("nhsuk-label");
        label.Attributes["for"] = FieldId;
        label.InnerHtml.Append(Label);
        if (!LabelIsHeading)
        {
            return label;
        }

        label.AddCssClass("nhsuk-label--l");
        var heading = new TagBuilder("h1");
        heading.AddCssClass("nhsuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }
}
