using Commonweal.Data;

namespace Commonweal.Outcomes;

/// <summary>
/// An instrument a commissioner added by uploading a definition file. The built-in instruments
/// (ONS4, SWEMWBS) are not rows: they ship with the code as embedded definitions
/// (<see cref="InstrumentCatalogue"/>).
/// </summary>
public sealed class OutcomeInstrument
{
    public Guid Id { get; set; } = NewId.Next();

    /// <summary>The definition's own id ("ons4"), unique across built-in and added instruments.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public bool RequiresLicence { get; set; }

    /// <summary>The definition as checked, in the definition file format.</summary>
    public required string Definition { get; set; }

    public DateTime AddedAt { get; set; }
    public Guid? AddedByUserId { get; set; }
    public string AddedBy { get; set; } = "";
}
