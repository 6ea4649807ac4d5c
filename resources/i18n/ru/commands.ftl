# Команды единой таблицы команд (src/ui/action/table.rs): название каждой команды
# (cmd-Name) и её подсказка (cmd-Name-tip).

cmd-OpenText = Открыть
cmd-OpenText-tip = Открыть этот текст в текущей панели

cmd-OpenTextBeside = Открыть рядом
cmd-OpenTextBeside-tip = Открыть этот текст в новой панели рядом с текущей

cmd-OpenFile = Открыть файл…
cmd-OpenFile-tip = Открыть текстовый файл только на этот сеанс, рядом с открытыми текстами (в библиотеку он не добавляется)

cmd-OpenFirstMatch = Открыть первое совпадение
cmd-OpenFirstMatch-tip = Открыть первый текст, подходящий под фильтр

cmd-OpenFirstMatchBeside = Открыть первое совпадение рядом
cmd-OpenFirstMatchBeside-tip = Открыть первый текст, подходящий под фильтр, рядом с текущим

cmd-NextPane = Следующая панель
cmd-NextPane-tip = Перевести фокус клавиатуры на следующую панель

cmd-ClosePane = Закрыть панель
cmd-ClosePane-tip = Закрыть эту панель

cmd-CloseActivePane = Закрыть панель
cmd-CloseActivePane-tip = Закрыть эту панель

cmd-MovePaneLeft = Переместить панель влево
cmd-MovePaneLeft-tip = Поменять эту панель местами с соседней слева

cmd-MovePaneRight = Переместить панель вправо
cmd-MovePaneRight-tip = Поменять эту панель местами с соседней справа

cmd-ToggleLinked = Синхронная прокрутка
cmd-ToggleLinked-tip = Если включено, при прокрутке этой панели другие связанные панели прокручиваются к тому же месту

cmd-ToggleActiveLinked = Синхронная прокрутка
cmd-ToggleActiveLinked-tip = Если включено, при прокрутке этой панели другие связанные панели прокручиваются к тому же месту

cmd-GoToParagraph = Перейти к части
cmd-GoToParagraph-tip = Перейти к части

cmd-GoBack = Назад
cmd-GoBack-tip = Вернуться туда, где вы читали до последнего перехода (или кнопкой «Назад» на мыши)

cmd-GoForward = Вперёд
cmd-GoForward-tip = Снова перейти туда, откуда вы вернулись кнопкой «Назад» (или кнопкой «Вперёд» на мыши)

cmd-ShowTextInfo = О тексте
cmd-ShowTextInfo-tip = Название, автор, дата, переводчик, источник, ссылки, лицензия и примечания

cmd-ShowActiveTextInfo = О тексте
cmd-ShowActiveTextInfo-tip = Название, автор, дата, переводчик, источник, ссылки, лицензия и примечания

cmd-CloseTextInfo = Закрыть
cmd-CloseTextInfo-tip = Закрыть описание этого текста

cmd-CopySelection = Копировать
cmd-CopySelection-tip = Скопировать выделенный фрагмент

cmd-Highlight1 = Выделить
cmd-Highlight1-tip = Выделить выбранный фрагмент в категории 1 (категорию выбирают клавиши 1–6)

cmd-Highlight2 = Выделить в категории 2
cmd-Highlight2-tip = Выделить выбранный фрагмент в категории 2 (категорию выбирают клавиши 1–6)

cmd-Highlight3 = Выделить в категории 3
cmd-Highlight3-tip = Выделить выбранный фрагмент в категории 3 (категорию выбирают клавиши 1–6)

cmd-Highlight4 = Выделить в категории 4
cmd-Highlight4-tip = Выделить выбранный фрагмент в категории 4 (категорию выбирают клавиши 1–6)

cmd-Highlight5 = Выделить в категории 5
cmd-Highlight5-tip = Выделить выбранный фрагмент в категории 5 (категорию выбирают клавиши 1–6)

cmd-Highlight6 = Выделить в категории 6
cmd-Highlight6-tip = Выделить выбранный фрагмент в категории 6 (категорию выбирают клавиши 1–6)

cmd-HighlightInCategory = Выделить в категории
cmd-HighlightInCategory-tip = Выделить выбранный фрагмент в этой категории

cmd-Undo = Отменить
cmd-Undo-tip = Отменить последнее изменение ваших пометок или заметок к сравнениям

cmd-Redo = Повторить
cmd-Redo-tip = Повторить отменённое изменение

cmd-GoToAnnotation = Показать в тексте
cmd-GoToAnnotation-tip = Прокрутить текст к этому фрагменту

cmd-OnHighlight = Изменить выделение
cmd-OnHighlight-tip = Сменить категорию выделения, написать к нему заметку, скопировать или удалить его

cmd-NoteOnSelection = Добавить заметку
cmd-NoteOnSelection-tip = Написать заметку к выбранному фрагменту (если он ещё не выделен, выделение будет создано)

cmd-DeleteAnnotation = Удалить
cmd-DeleteAnnotation-tip = Переместить эту пометку в Корзину (Ctrl+Z или «Восстановить» вернут её)

cmd-RestoreAnnotation = Восстановить
cmd-RestoreAnnotation-tip = Вернуть эту пометку из Корзины

cmd-ReattachAnnotation = Привязать к выделенному фрагменту
cmd-ReattachAnnotation-tip = Сначала выделите в панели нужный фрагмент — затем эта пометка будет к нему привязана

cmd-ToggleAnnotationsPanel = Панель пометок
cmd-ToggleAnnotationsPanel-tip = Показать или скрыть список пометок с редактором заметок и Корзиной

cmd-SelectAll = Выделить всё
cmd-SelectAll-tip = Выделить весь текст в текущей панели

cmd-ZoomIn = Увеличить текст
cmd-ZoomIn-tip = Увеличить шрифт читаемого текста

cmd-ZoomOut = Уменьшить текст
cmd-ZoomOut-tip = Уменьшить шрифт читаемого текста

cmd-ZoomReset = Вернуть обычный размер текста
cmd-ZoomReset-tip = Вернуть читаемому тексту размер по умолчанию

cmd-ThemeSystem = Тема системы
cmd-ThemeSystem-tip = Следовать теме оформления системы

cmd-ThemeLight = Светлая тема
cmd-ThemeLight-tip = Светлая тема

cmd-ThemeDark = Тёмная тема
cmd-ThemeDark-tip = Тёмная тема

cmd-ToggleDarkLight = Переключить светлую/тёмную тему
cmd-ToggleDarkLight-tip = Переключиться между светлой и тёмной темой

cmd-ToggleLibrary = Панель библиотеки
cmd-ToggleLibrary-tip = Показать или скрыть список текстов

cmd-FocusLibraryFilter = Отфильтровать библиотеку
cmd-FocusLibraryFilter-tip = Начните печатать, чтобы отфильтровать список текстов

cmd-ShowShortcuts = Сочетания клавиш
cmd-ShowShortcuts-tip = Показать все сочетания клавиш

cmd-Quit = Выйти
cmd-Quit-tip = Закрыть Lectern (состояние чтения сохранится)

cmd-OpenComparison = Открыть сравнение
cmd-OpenComparison-tip = Открыть сравнение

cmd-CloseComparison = Закрыть сравнение
cmd-CloseComparison-tip = Закрыть сравнение

cmd-CompareSelections = Сравнить выделенные фрагменты
cmd-CompareSelections-tip = Сравнить пословно фрагменты, выделенные в открытых панелях

cmd-CompareOpenTexts = Сравнить открытые тексты
cmd-CompareOpenTexts-tip = Сравнить целиком тексты, открытые в панелях

cmd-ShowPasteComparison = Сравнить вставленные формулировки…
cmd-ShowPasteComparison-tip = Вставить от двух до шести формулировок и сравнить их

cmd-ComparePasted = Сравнить формулировки
cmd-ComparePasted-tip = Сравнить формулировки

cmd-CancelComparison = Отмена
cmd-CancelComparison-tip = Отмена

cmd-NextDifference = Следующее расхождение
cmd-NextDifference-tip = Перейти к следующему расхождению

cmd-PreviousDifference = Предыдущее расхождение
cmd-PreviousDifference-tip = Перейти к предыдущему расхождению

cmd-SwapWitnesses = Поменять редакции местами
cmd-SwapWitnesses-tip = Расположить редакции в обратном порядке

cmd-LayoutInline = Одним столбцом
cmd-LayoutInline-tip = Одним столбцом

cmd-LayoutColumns = Столбцами
cmd-LayoutColumns-tip = Столбцами

cmd-SetNormalization = Считать расхождением
cmd-SetNormalization-tip = Считать расхождением

cmd-SetReference = Размечать относительно
cmd-SetReference-tip = Размечать относительно

cmd-ToggleWitness = Показывать редакцию
cmd-ToggleWitness-tip = Показывать редакцию

cmd-OpenWitnessPassage = Открыть фрагмент в его тексте
cmd-OpenWitnessPassage-tip = Открыть фрагмент в его тексте

cmd-NoteOnDifference = Заметка к расхождению
cmd-NoteOnDifference-tip = Заметка к расхождению

cmd-DeleteComparisonNote = Удалить заметку
cmd-DeleteComparisonNote-tip = Удалить заметку

cmd-RestoreComparisonNote = Восстановить
cmd-RestoreComparisonNote-tip = Вернуть эту заметку к сравнению из Корзины

cmd-OpenComparisonNote = Показать в сравнении
cmd-OpenComparisonNote-tip = Показать в сравнении

cmd-OpenComparisonAt = Открыть сравнение на этом сегменте
cmd-OpenComparisonAt-tip = Открыть сравнение на этом сегменте

cmd-CopyCarriedNote = Скопировать сюда
cmd-CopyCarriedNote-tip = Скопировать сюда

cmd-ExportComparisonMarkdown = Экспортировать в Markdown…
cmd-ExportComparisonMarkdown-tip = Экспортировать в Markdown…

cmd-ExportComparisonHtml = Экспортировать в HTML…
cmd-ExportComparisonHtml-tip = Экспортировать в HTML…

cmd-ExportComparisonPng = Экспортировать как изображение PNG…
cmd-ExportComparisonPng-tip = Экспортировать как изображение PNG…
cmd-ExportComparisonPdf = Экспорт в PDF для печати…
cmd-ExportComparisonPdf-tip = Экспортировать всё сравнение, каждую строку и каждую заметку, в PDF для печати

cmd-ToggleComparisonFull = Сравнение на всё окно
cmd-ToggleComparisonFull-tip = Развернуть сравнение на всё окно (панели библиотеки и пометок уступят ему место, пока оно не будет снова закреплено) или показать его под панелями чтения

cmd-ToggleComparisonDescription = О сравнении
cmd-ToggleComparisonDescription-tip = Показать или скрыть, чему посвящено сравнение и откуда взяты его редакции

cmd-CollateWitnesses = Сличить редакции
cmd-CollateWitnesses-tip = Сличить редакции сравнения, по каждому языку отдельно: таблица их чтений, критический аппарат и обзор расхождений

cmd-OpenFind = Найти в тексте…
cmd-OpenFind-tip = Найти слово или фразу в текущем тексте без учёта регистра и диакритики

cmd-FindNext = Следующее совпадение
cmd-FindNext-tip = Следующее совпадение

cmd-FindPrevious = Предыдущее совпадение
cmd-FindPrevious-tip = Предыдущее совпадение

cmd-CloseFind = Закрыть поиск
cmd-CloseFind-tip = Закрыть панель поиска (Esc)

cmd-SearchAll = Поиск везде…
cmd-SearchAll-tip = Искать во всех текстах и всех заметках

cmd-CloseSearchAll = Закрыть поиск
cmd-CloseSearchAll-tip = Закрыть поиск

cmd-OpenIndex = Люди и места…
cmd-OpenIndex-tip = Все люди и места, названные в текстах, во всех написаниях и со всеми упоминаниями

cmd-CloseIndex = Закрыть «Люди и места»
cmd-CloseIndex-tip = Закрыть «Люди и места»

cmd-OpenTimeline = Хронология…
cmd-OpenTimeline-tip = Все датированные документы и упомянутые в текстах события с датами, по порядку; каждая запись открывает свой текст или фрагмент

cmd-CloseTimeline = Закрыть хронологию
cmd-CloseTimeline-tip = Закрыть хронологию

cmd-OpenGlossary = Термины в переводах…
cmd-OpenGlossary-tip = Ключевые слова текстов с их передачей по-русски и в каждом переводе; выбранный термин отмечается в открытых текстах и в сравнении

cmd-CloseGlossary = Закрыть «Термины в переводах»
cmd-CloseGlossary-tip = Закрыть «Термины в переводах»

cmd-AddEntity = Добавить человека или место
cmd-AddEntity-tip = Добавить человека или место

cmd-AddSpelling = Добавить написание
cmd-AddSpelling-tip = Добавить написание

cmd-AddTerm = Добавить термин
cmd-AddTerm-tip = Добавить термин

cmd-OpenSearchHit = Открыть здесь
cmd-OpenSearchHit-tip = Открыть текст на этом совпадении: в панели, где он показан, иначе в активной панели (Ctrl+щелчок — рядом с ней)

cmd-OpenSearchHitBeside = Открыть рядом
cmd-OpenSearchHitBeside-tip = Открыть текст на этом совпадении в новой панели рядом с активной

cmd-CopyWithCitation = Копировать со ссылкой
cmd-CopyWithCitation-tip = Копировать со ссылкой

cmd-CopyAsMarkdownQuote = Копировать как цитату Markdown
cmd-CopyAsMarkdownQuote-tip = Копировать как цитату Markdown

cmd-ImportAnnotations = Импортировать пометки…
cmd-ImportAnnotations-tip = Импортировать пометки…

cmd-ShowBackups = Восстановить из резервной копии…
cmd-ShowBackups-tip = Показать резервные копии ваших пометок с их содержимым и восстановить нужную

cmd-CloseBackups = Закрыть
cmd-CloseBackups-tip = Закрыть

cmd-RestoreBackup = Восстановить
cmd-RestoreBackup-tip = Вернуть пометки в том виде, в каком они были в этой резервной копии; то, чего в ней нет, попадёт в Корзину, а «Отменить» отменит восстановление целиком

cmd-ImportText = Импортировать текст…
cmd-ImportText-tip = Импортировать текст…

cmd-ConfirmImport = Импортировать
cmd-ConfirmImport-tip = Импортировать

cmd-RemoveImported = Убрать
cmd-RemoveImported-tip = Убрать

cmd-UndoRemoveImported = Вернуть в библиотеку
cmd-UndoRemoveImported-tip = Вернуть в библиотеку

cmd-CancelImport = Отмена
cmd-CancelImport-tip = Отмена
cmd-PrintNotes = Печать заметок в PDF…
cmd-PrintNotes-tip = Экспортировать заметки со ссылками и всем, что содержит экспорт в Markdown, в PDF для печати
cmd-FillImportFromReference = Заполнить из ссылки
cmd-FillImportFromReference-tip = Заполнить поля из библиографической записи выше (CSL-JSON из «Экспорта записи» Zotero или запись BibTeX): запись с названием этого текста, иначе первую
cmd-ChooseImportReference = Файл ссылки…
cmd-ChooseImportReference-tip = Прочитать файл библиографической записи (CSL-JSON или BibTeX) и заполнить поля из него

cmd-ExportAnnotationsMarkdown = В формате Markdown…
cmd-ExportAnnotationsMarkdown-tip = В формате Markdown…

cmd-ExportAnnotationsHtml = В формате HTML…
cmd-ExportAnnotationsHtml-tip = В формате HTML…

cmd-ExportAnnotationsCsv = В формате CSV…
cmd-ExportAnnotationsCsv-tip = В формате CSV…

cmd-ExportAnnotationsW3c = В формате W3C Web Annotation (JSON-LD)…
cmd-ExportAnnotationsW3c-tip = В формате W3C Web Annotation (JSON-LD)…
cmd-ExportAnnotationsZotero = Как заметки Zotero (Markdown)…
cmd-ExportAnnotationsZotero-tip = Каждый фрагмент в кавычках с краткой ссылкой и страницей, затем ваша заметка — как Zotero пишет заметки из пометок

cmd-ExportNotebookArchive = В виде архива всей тетради…
cmd-ExportNotebookArchive-tip = Записать всю вашу тетрадь в один файл со всем содержимым (пометки, заметки к сравнениям, ваши сравнения, категории, люди и термины, Корзина), чтобы перенести или передать её; загрузить этот файл обратно можно командой «Импортировать пометки…»
cmd-LanguageSystem = Язык системы
cmd-LanguageSystem-tip = Говорить на языке системных настроек (по-английски, если Lectern не знает этого языка)
cmd-LanguageEnglish = English
cmd-LanguageEnglish-tip = Speak English
cmd-LanguageRussian = Русский
cmd-LanguageRussian-tip = Говорить по-русски
cmd-CiteLectern = Lectern (краткий)
cmd-CiteLectern-tip = Ссылаться, как Lectern: автор, название и дата, затем где напечатан текст и страница отрывка
cmd-CiteChicagoNotes = Chicago (примечания и библиография)
cmd-CiteChicagoNotes-tip = Ссылаться по Chicago Manual of Style, примечания и библиография (17-е издание)
cmd-CiteChicagoAuthorDate = Chicago (автор — дата)
cmd-CiteChicagoAuthorDate-tip = Ссылаться по Chicago Manual of Style, система «автор — дата» (17-е издание)
cmd-CiteMla = MLA
cmd-CiteMla-tip = Ссылаться по стилю Modern Language Association (9-е издание)
cmd-CiteApa = APA
cmd-CiteApa-tip = Ссылаться по стилю American Psychological Association (7-е издание)
cmd-CiteGost = ГОСТ Р 7.0.5–2008
cmd-CiteGost-tip = Ссылаться по ГОСТ Р 7.0.5–2008, с нумерацией и русскими терминами (Т., С.)

## Study groups
cmd-ToggleGroups = Учебные группы…
cmd-ToggleGroups-tip = Показать или скрыть учебные группы: слои участников, обсуждения и новое
cmd-SaveMember = Сохранить имя
cmd-SaveMember-tip = Использовать это имя и цвет во всех учебных группах
cmd-JoinGroup = Вступить
cmd-JoinGroup-tip = Вступить в учебную группу в этой папке (её переносит ваша программа синхронизации); новая папка начинает новую группу
cmd-LeaveGroup = Выйти
cmd-LeaveGroup-tip = Выйти из группы на этом устройстве; её папка и то, чем вы поделились, остаются
cmd-ShareWithGroup = Поделиться с группой
cmd-ShareWithGroup-tip = Положить это в папку группы с вашей подписью: участники смогут прочитать и ответить
cmd-ReplyInGroup = Ответить
cmd-ReplyInGroup-tip = Добавить ответ в обсуждение этой заметки
cmd-ResolveThread = Закрыть обсуждение
cmd-ResolveThread-tip = Отметить обсуждение решённым для всей группы
cmd-ReopenThread = Возобновить
cmd-ReopenThread-tip = Снова открыть решённое обсуждение
cmd-HideRecord = Скрыть у меня
cmd-HideRecord-tip = Скрыть эту заметку только на этом устройстве; в группе она остаётся
cmd-ShowRecord = Показать снова
cmd-ShowRecord-tip = Снова показать скрытую заметку
cmd-CopyRecordToNotebook = Копировать в мою тетрадь
cmd-CopyRecordToNotebook-tip = Скопировать заметку (к месту в тексте или к сравнению) в вашу личную тетрадь, где её можно менять
cmd-GoToRecord = Перейти
cmd-GoToRecord-tip = Открыть текст на этом месте или сравнение на этом фрагменте
cmd-MarkGroupRead = Отметить всё прочитанным
cmd-MarkGroupRead-tip = Отметить всё в этой группе прочитанным на этом устройстве
cmd-TrustMemberKey = Доверять новому ключу
cmd-TrustMemberKey-tip = Ключ участника сменился, и прежний ключ смену не подписал: доверьтесь ему, когда спросите участника (например, о новом устройстве)
