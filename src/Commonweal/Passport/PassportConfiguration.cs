using Commonweal.Audit;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Passport;

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        // One table for every kind: the status, reminder and summary queries read all of an
        // organisation's evidence at once.
        builder.ToTable("passport_evidence");
        builder.HasDiscriminator<string>("Type")
            .HasValue<InsurancePolicy>("insurance")
            .HasValue<SafeguardingPolicy>("safeguarding")
            .HasValue<DbsCheck>("dbs")
            .HasValue<Volunteer>("volunteer")
            .HasValue<DsptAssessment>("dspt")
            .HasValue<CqcRegistration>("cqc")
            .HasValue<AnnualAccounts>("accounts");
        builder.Property("Type").HasMaxLength(20);
        builder.HasIndex(e => new { e.OrganisationId, e.Kind });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> builder)
    {
        builder.Property(p => p.Insurer).HasMaxLength(InsurancePolicy.TextMaxLength);
        builder.Property(p => p.PolicyNumber).HasMaxLength(InsurancePolicy.TextMaxLength);
        builder.Property(p => p.Cover).HasPrecision(14, 2);
    }
}

internal sealed class DbsCheckConfiguration : IEntityTypeConfiguration<DbsCheck>
{
    public void Configure(EntityTypeBuilder<DbsCheck> builder)
    {
        builder.Property(d => d.Role).HasColumnName("Role").HasMaxLength(DbsCheck.RoleMaxLength);
        builder.Property(d => d.Initials).HasMaxLength(DbsCheck.InitialsMaxLength);
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.Reference).HasMaxLength(Volunteer.ReferenceMaxLength);
        // Shares the DBS check's column: both are a role in the organisation.
        builder.Property(v => v.Role).HasColumnName("Role").HasMaxLength(DbsCheck.RoleMaxLength);
        builder.HasMany(v => v.Training).WithOne().HasForeignKey(t => t.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("passport_training");
        builder.Property(t => t.Course).HasMaxLength(TrainingRecord.CourseMaxLength);
        builder.HasIndex(t => t.VolunteerId);
    }
}

internal sealed class DsptAssessmentConfiguration : IEntityTypeConfiguration<DsptAssessment>
{
    public void Configure(EntityTypeBuilder<DsptAssessment> builder)
    {
        builder.Property(d => d.OdsCode).HasMaxLength(10);
        builder.Property(d => d.Status).HasColumnName("DsptStatus");
    }
}

internal sealed class CqcRegistrationConfiguration : IEntityTypeConfiguration<CqcRegistration>
{
    public void Configure(EntityTypeBuilder<CqcRegistration> builder) =>
        builder.Property(c => c.ProviderId).HasColumnName("CqcProviderId").HasMaxLength(20);
}

internal sealed class AnnualAccountsConfiguration : IEntityTypeConfiguration<AnnualAccounts>
{
    public void Configure(EntityTypeBuilder<AnnualAccounts> builder) =>
        builder.Property(a => a.Income).HasPrecision(16, 2);
}

internal sealed class PassportDocumentConfiguration : IEntityTypeConfiguration<PassportDocument>
{
    public void Configure(EntityTypeBuilder<PassportDocument> builder)
    {
        builder.ToTable("passport_documents");
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.FileName).HasMaxLength(PassportDocument.FileNameMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        // The audit log records that a document was stored and its hash, never its bytes.
        builder.Property(d => d.Content).IsAuditRedacted();
        builder.HasIndex(d => new { d.OrganisationId, d.Sha256 }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceAttachmentConfiguration : IEntityTypeConfiguration<EvidenceAttachment>
{
    public void Configure(EntityTypeBuilder<EvidenceAttachment> builder)
    {
        builder.ToTable("passport_attachments");
        builder.HasKey(a => new { a.EvidenceId, a.DocumentId });
        builder.HasIndex(a => a.DocumentId);
        builder.HasOne(a => a.Document).WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PassportReminderConfiguration : IEntityTypeConfiguration<PassportReminder>
{
    public void Configure(EntityTypeBuilder<PassportReminder> builder)
    {
        builder.ToTable("passport_reminders");
        // Derived from the evidence (which is audited) by the reminder job, and recomputable from it:
        // not a change anyone makes.
        builder.IsNotAudited();
        builder.HasIndex(r => new { r.EvidenceId, r.Threshold, r.DueOn }).IsUnique();
        builder.HasIndex(r => r.OrganisationId);
        builder.HasOne<Evidence>().WithMany().HasForeignKey(r => r.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
