using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement.Clarifications;

internal sealed class ClarificationQuestionConfiguration : IEntityTypeConfiguration<ClarificationQuestion>
{
    public void Configure(EntityTypeBuilder<ClarificationQuestion> builder)
    {
        builder.ToTable("clarification_questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Question).HasMaxLength(ClarificationQuestion.QuestionMaxLength);
        builder.Property(q => q.Answer).HasMaxLength(ClarificationQuestion.AnswerMaxLength);
        builder.HasIndex(q => new { q.OpportunityId, q.Number }).IsUnique();
        builder.HasIndex(q => q.AskedByOrganisationId);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(q => q.AskedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
