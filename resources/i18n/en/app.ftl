# app

notice-no-profile = No profile folder could be opened, so nothing will be saved in this session.
menu-language = Language
