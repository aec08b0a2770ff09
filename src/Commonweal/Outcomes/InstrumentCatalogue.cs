using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

/// <summary>
/// The instruments practitioners may record: the built-in definitions shipped with the code (ONS4,
/// SWEMWBS) and those commissioners added by uploading a definition file.
/// </summary>
public sealed class InstrumentCatalogue(CommonwealDbContext db)
{
    public const string Ons4 = "ons4";
    public const string Swemwbs = "swemwbs";

    private static readonly Lazy<IReadOnlyList<InstrumentDefinition>> Shipped = new(LoadBuiltIn);

    /// <summary>The definitions that ship with the code, read from the assembly's embedded resources.</summary>
    public static IReadOnlyList<InstrumentDefinition> BuiltIn => Shipped.Value;

    public static bool IsBuiltIn(string key) => BuiltIn.Any(d => d.Id == key);

    public async Task<IReadOnlyList<InstrumentDefinition>> AllAsync(CancellationToken cancellationToken = default)
    {
        var added = await db.Set<OutcomeInstrument>().AsNoTracking().OrderBy(i => i.Name).Select(i => i.Definition).ToListAsync(cancellationToken);
        return [.. BuiltIn, .. added.Select(Read)];
    }

    public async Task<InstrumentDefinition?> FindAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (BuiltIn.FirstOrDefault(d => d.Id == key) is { } builtIn)
        {
            return builtIn;
        }

        var json = await db.Set<OutcomeInstrument>().AsNoTracking().Where(i => i.Key == key).Select(i => i.Definition).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : Read(json);
    }

    /// <summary>Checks and adds a definition file; a fault anywhere refuses it whole, naming the JSON path.</summary>
    public async Task<DefinitionParse> AddAsync(string json, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var parsed = InstrumentDefinitions.Parse(json);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        var definition = parsed.Definition!;
        if (IsBuiltIn(definition.Id) || await db.Set<OutcomeInstrument>().AnyAsync(i => i.Key == definition.Id, cancellationToken))
        {
            return new DefinitionParse(null, [new DefinitionError("$.id", $"An instrument with the id \"{definition.Id}\" already exists: give the new one an id of its own")]);
        }

        db.Add(new OutcomeInstrument
        {
            Key = definition.Id,
            Name = definition.Name.Trim(),
            Version = definition.Version.Trim(),
            RequiresLicence = definition.RequiresLicence,
            Definition = InstrumentDefinitions.Serialise(definition),
            AddedAt = db.Now,
            AddedByUserId = viewer.UserId,
            AddedBy = viewer.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
        return parsed;
    }

    private static InstrumentDefinition Read(string json) =>
        InstrumentDefinitions.Parse(json).Definition ?? throw new InvalidOperationException("A stored instrument definition no longer passes its checks.");

    private static IReadOnlyList<InstrumentDefinition> LoadBuiltIn()
    {
        var assembly = typeof(InstrumentCatalogue).Assembly;
        return [.. new[] { Ons4, Swemwbs }.Select(key =>
        {
            using var stream = assembly.GetManifestResourceStream($"Commonweal.Outcomes.Instruments.{key}.json")
                ?? throw new InvalidOperationException($"The built-in instrument {key} is missing from the assembly.");
            using var reader = new StreamReader(stream);
            var parsed = InstrumentDefinitions.Parse(reader.ReadToEnd());
            return parsed.IsValid ? parsed.Definition! : throw new InvalidOperationException($"The built-in instrument {key} fails its checks: {string.Join("; ", parsed.Errors)}");
        })];
    }
}
