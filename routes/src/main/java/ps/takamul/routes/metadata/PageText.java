package ps.takamul.routes.metadata;

import ps.takamul.routes.page.Language;

/** The catalogue page's own words, in Arabic and English. */
record PageText(String title, String intro, String service, String protocol, String version, String contract,
                String noServices, String noContract, String notification, String owner, String switchLabel) {

    private static final PageText AR = new PageText(
            "دليل خدمات تكامل",
            "الجهات الأعضاء في تكامل وأنظمتها والخدمات التي تقدمها. يحتاج استدعاء أي خدمة إلى اتفاقية تبادل بيانات سارية.",
            "الخدمة", "البروتوكول", "الإصدار", "وثيقة الواجهة",
            "لا يقدم هذا النظام خدمات.", "لا توجد", "إشعار", "الجهة المسؤولة", "العربية");

    private static final PageText EN = new PageText(
            "Takamul service catalogue",
            "The members of Takamul, their subsystems and the services they offer. Calling a service needs a data-sharing agreement in force.",
            "Service", "Protocol", "Version", "Interface document",
            "This subsystem offers no services.", "none", "notification", "Owner", "English");

    static PageText of(Language language) {
        return language == Language.AR ? AR : EN;
    }
}
