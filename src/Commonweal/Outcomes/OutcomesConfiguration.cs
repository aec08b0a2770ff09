using Commonweal.Audit;
using Commonweal.Directory;
using Commonweal.Procurement.Awards;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Outcomes;

internal sealed class OutcomeInstrumentConfiguration : IEntityTypeConfiguration<OutcomeInstrument>
{
    public void Configure(EntityTypeBuilder<OutcomeInstrument> builder)
    {
        builder.ToTable("outcome_instruments");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Key).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.Name).HasMaxLength(InstrumentDefinitions.NameMaxLength);
        builder.Property(x => x.Version).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.AddedBy).HasMaxLength(200);
        builder.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class OutcomeResponseConfiguration : IEntityTypeConfiguration<OutcomeResponse>
{
    public void Configure(EntityTypeBuilder<OutcomeResponse> builder)
    {
        builder.ToTable("outcome_responses");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.InstrumentKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.InstrumentVersion).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.RecordedBy).HasMaxLength(200);
        // A person's answers are health data: the log records that a response was made, not what it says.
        builder.Property(x => x.Answers).HasMaxLength(4_000).IsAuditRedacted();
        builder.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.PersonId);
        builder.HasIndex(x => new { x.ReferralId, x.InstrumentKey, x.Timepoint });
        // Analysis reads one instrument's responses for a set of services.
        builder.HasIndex(x => new { x.ServiceId, x.InstrumentKey });
    }
}

internal sealed class OutcomeScoreConfiguration : IEntityTypeConfiguration<OutcomeScore>
{
    public void Configure(EntityTypeBuilder<OutcomeScore> builder)
    {
        builder.ToTable("outcome_scores");
        builder.HasKey(x => new { x.ResponseId, x.ScaleKey });
        builder.Property(x => x.ScaleKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.Score).IsAuditRedacted();
    }
}

internal sealed class OutcomePairConfiguration : IEntityTypeConfiguration<OutcomePair>
{
    public void Configure(EntityTypeBuilder<OutcomePair> builder)
    {
        builder.ToTable("outcome_pairs");
        builder.HasKey(x => new { x.ReferralId, x.InstrumentKey, x.ScaleKey });
        builder.Property(x => x.InstrumentKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.ScaleKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        // Derived from the responses, whose saves are audited; a second record of the scores would add nothing.
        builder.IsNotAudited();
        builder.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        // Analysis reads one instrument's pairs for a set of services and the referrals of a period.
        builder.HasIndex(x => new { x.InstrumentKey, x.ServiceId, x.ReferredAt });
    }
}

internal sealed class ServiceOutcomeSettingsConfiguration : IEntityTypeConfiguration<ServiceOutcomeSettings>
{
    public void Configure(EntityTypeBuilder<ServiceOutcomeSettings> builder)
    {
        builder.ToTable("service_outcome_settings");
        builder.HasKey(x => x.ServiceId);
        builder.Property(x => x.UpdatedBy).HasMaxLength(200);
        builder.HasOne<Service>().WithOne().HasForeignKey<ServiceOutcomeSettings>(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractOutcomeTargetConfiguration : IEntityTypeConfiguration<ContractOutcomeTarget>
{
    public void Configure(EntityTypeBuilder<ContractOutcomeTarget> builder)
    {
        builder.ToTable("contract_outcome_targets");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.InstrumentKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.ScaleKey).HasMaxLength(InstrumentDefinitions.IdMaxLength);
        builder.Property(x => x.WeightPercent).HasPrecision(9, 4);
        builder.Property(x => x.UpdatedBy).HasMaxLength(200);
        builder.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ContractId, x.Measure }).IsUnique();
    }
}
