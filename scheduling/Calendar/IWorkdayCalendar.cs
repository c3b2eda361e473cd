namespace CampaignBot.Scheduling.Calendar;

/// <summary>Which dates are workdays in the campaign's country.</summary>
public interface IWorkdayCalendar
{
    bool IsWorkday(DateOnly date);
}
